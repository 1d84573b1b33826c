package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 on the running stack: the admin asks the chatbot, through nginx, questions narrowed to a product, a
 * category, a status, a customer and two days, about orders the test placed itself; every expected figure is
 * computed here from the orders and stock API, never from the chatbot's own SQL.
 */
class ChatFiguresThroughTheGatewayIT {

    static final Set<String> SOLD = Set.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");

    /** Letters no dictionary of the router knows: names only this test uses. */
    static String word() {
        StringBuilder word = new StringBuilder("Z");
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    @Test
    void figuresNarrowedToWhatWasAskedAgreeWithTheOrdersAndStockApi() {
        Kitchen kitchen = new Kitchen();
        String admin = kitchen.admin;
        String cheese = kitchen.ingredient("Queijo", 1_000_000);
        String pizzaName = "Pizza " + word();
        String pizza = product(admin, pizzaName, "PIZZA", 5000, cheese);
        String drink = product(admin, "Refri " + word(), "DRINK", 700, cheese);
        String customerName = "Bia " + word();
        var customer = Gateway.newCustomer(customerName);

        String first = placed(customer.token(), Map.of(pizza, 2, drink, 1));
        String second = placed(customer.token(), Map.of(drink, 3));
        String third = placed(customer.token(), Map.of(pizza, 1));
        Gateway.post("orders/" + third + "/status", admin, Json.createObjectBuilder().add("status", "PREPARING").build())
                .expect(200);

        // the figures, from the API: the customer's orders, and the menu's categories
        List<JsonObject> orders = List.of(first, second, third).stream()
                .map(id -> Gateway.get("orders/" + id, admin).expect(200).json()).toList();
        Map<String, String> categories = new java.util.HashMap<>();
        Gateway.get("stock/menu", null).expect(200).value().asJsonArray().forEach(item -> categories.put(
                item.asJsonObject().getString("productId"), item.asJsonObject().getString("category")));
        List<JsonObject> sold = orders.stream().filter(o -> SOLD.contains(o.getString("status"))).toList();
        long drinksCents = sold.stream().flatMap(o -> o.getJsonArray("items").stream().map(i -> i.asJsonObject()))
                .filter(i -> "DRINK".equals(categories.get(i.getString("productId"))))
                .mapToLong(i -> i.getInt("quantity") * i.getJsonNumber("unitPriceCents").longValue()).sum();
        long pizzaUnits = sold.stream().flatMap(o -> o.getJsonArray("items").stream().map(i -> i.asJsonObject()))
                .filter(i -> i.getString("productId").equals(pizza)).mapToLong(i -> i.getInt("quantity")).sum();
        long preparing = orders.stream().filter(o -> o.getString("status").equals("PREPARING")).count();
        long todayCents = sold.stream().mapToLong(o -> o.getJsonNumber("totalCents").longValue()).sum();
        assertThat(sold).as("the saga confirmed the test's orders").hasSize(3);

        JsonObject byCategory = ask(admin, "Quanto o cliente " + customerName + " gastou com bebidas hoje?");
        assertThat(byCategory.getString("intent")).isEqualTo("revenue");
        assertThat(byCategory.getJsonObject("filters").getString("category")).isEqualTo("DRINK");
        assertThat(byCategory.getJsonObject("filters").getString("customer")).isEqualTo(customerName);
        assertThat(byCategory.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(drinksCents);
        assertThat(byCategory.getString("answer")).contains("bebidas").contains(customerName);

        JsonObject byProduct = ask(admin, "Quantas " + pizzaName.substring(6).toLowerCase() + "s vendemos hoje?");
        assertThat(byProduct.getString("intent")).isEqualTo("top_products");
        assertThat(byProduct.getJsonObject("filters").getString("product")).isEqualTo(pizzaName);
        assertThat(byProduct.getJsonObject("data").getJsonArray("products").getJsonObject(0).getInt("quantity"))
                .isEqualTo((int) pizzaUnits);

        JsonObject byStatus = ask(admin, "Quantos pedidos do cliente " + customerName + " estão em preparo hoje?");
        assertThat(byStatus.getString("intent")).isEqualTo("orders_by_status");
        assertThat(byStatus.getJsonObject("filters").getString("status")).isEqualTo("PREPARING");
        assertThat(byStatus.getJsonObject("data").getInt("total")).isEqualTo((int) preparing);

        JsonObject compared = ask(admin, "Compare o faturamento de hoje com o de ontem do cliente " + customerName);
        assertThat(compared.getString("intent")).isEqualTo("revenue");
        assertThat(compared.getJsonObject("data").getJsonObject("current").getJsonNumber("revenueCents").longValue())
                .isEqualTo(todayCents);
        assertThat(compared.getJsonObject("data").getJsonObject("previous").getJsonNumber("revenueCents").longValue())
                .isZero();

        JsonObject unfiltered = ask(admin, "Quanto o cliente " + customerName + " gastou no pix hoje?");
        assertThat(unfiltered.getJsonArray("notFiltered").getString(0)).isEqualTo("payment_method");
        assertThat(unfiltered.getString("answer")).startsWith("Não consigo separar por forma de pagamento");
        assertThat(unfiltered.getJsonObject("data").getJsonNumber("revenueCents").longValue()).isEqualTo(todayCents);
    }

    static String product(String admin, String name, String category, long priceCents, String sku) {
        return Gateway.post("stock/products", admin, Json.createObjectBuilder().add("name", name)
                .add("description", "test").add("category", category).add("priceCents", priceCents)
                .add("recipe", Json.createArrayBuilder().add(Json.createObjectBuilder().add("sku", sku).add("quantity", 1)))
                .build()).expect(201).json().getString("id");
    }

    static String placed(String token, Map<String, Integer> items) {
        var lines = Json.createArrayBuilder();
        items.forEach((product, quantity) -> lines.add(Json.createObjectBuilder().add("productId", product)
                .add("quantity", quantity)));
        JsonObject order = Json.createObjectBuilder().add("items", lines)
                .add("payment", Json.createObjectBuilder().add("cardToken", "tok_approved")).build();
        String id = Kitchen.place(token, order, 10).expect(201).json().getString("id");
        Kitchen.decided(id, token);
        return id;
    }

    static JsonObject ask(String admin, String question) {
        return Gateway.post("chat", admin, Json.createObjectBuilder().add("question", question).build()).expect(200).json();
    }
}
