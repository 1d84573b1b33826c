package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Stock the tests need, set up through the admin API: ingredients with exact quantities and pizzas that share them. */
final class Kitchen {

    static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");

    final String admin = Gateway.admin();
    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    String ingredient(String name, long onHand) {
        return ingredient(name, onHand, 0);
    }

    String ingredient(String name, long onHand, long lowStockThreshold) {
        String sku = name.toUpperCase().replaceAll("[^A-Z]", "") + "-" + run;
        Gateway.post("stock/ingredients", admin, Json.createObjectBuilder().add("sku", sku).add("name", name + " " + run)
                .add("unit", "g").add("onHand", onHand).add("lowStockThreshold", lowStockThreshold).add("safetyBuffer", 0)
                .build()).expect(201);
        return sku;
    }

    String pizza(String name, long priceCents, Map<String, Long> recipe) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        recipe.forEach((sku, grams) -> lines.add(Json.createObjectBuilder().add("sku", sku).add("quantity", grams)));
        return Gateway.post("stock/products", admin, Json.createObjectBuilder().add("name", name + " " + run)
                .add("description", "test pizza").add("category", "PIZZA").add("priceCents", priceCents)
                .add("recipe", lines).build()).expect(201).json().getString("id");
    }

    /** A pizza made of 200 g of its own mozzarella, of which there is {@code mozzarellaOnHand} g in stock. */
    record Pizza(String id, String mozzarella) {
    }

    Pizza mozzarellaPizza(String name, long priceCents, long mozzarellaOnHand) {
        String mozzarella = ingredient("Mozzarella", mozzarellaOnHand);
        return new Pizza(pizza(name, priceCents, Map.of(mozzarella, 200L)), mozzarella);
    }

    /** One of the ingredient's quantities now: {@code onHand} or {@code reserved}. */
    long quantityNow(String sku, String quantity) {
        return ingredientNow(sku).getJsonNumber(quantity).longValue();
    }

    JsonObject ingredientNow(String sku) {
        return Gateway.get("stock/ingredients/" + sku, admin).expect(200).json();
    }

    /** Every ledger line of the ingredient, oldest first. */
    List<JsonObject> ledger(String sku) {
        List<JsonObject> lines = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            JsonObject page = Gateway.get("stock/ingredients/" + sku + "/movements?limit=100&offset=" + offset, admin)
                    .expect(200).json();
            page.getJsonArray("items").forEach(line -> lines.add(line.asJsonObject()));
            if (lines.size() >= page.getInt("total")) {
                break;
            }
        }
        java.util.Collections.reverse(lines); // the API lists the newest first
        return lines;
    }

    /** The types of the ingredient's ledger lines (RESERVE, SALE, RELEASE…), oldest first. */
    List<String> ledgerTypes(String sku) {
        return ledger(sku).stream().map(line -> line.getString("type")).toList();
    }

    /** The ledger sums to the ingredient's current quantities. */
    void assertLedgerBalances(String sku) {
        JsonObject now = ingredientNow(sku);
        List<JsonObject> ledger = ledger(sku);
        long onHand = ledger.stream().mapToLong(l -> l.getJsonNumber("onHandDelta").longValue()).sum();
        long reserved = ledger.stream().mapToLong(l -> l.getJsonNumber("reservedDelta").longValue()).sum();
        assertThat(onHand).as("ledger on hand of %s", sku).isEqualTo(now.getJsonNumber("onHand").longValue());
        assertThat(reserved).as("ledger reserved of %s", sku).isEqualTo(now.getJsonNumber("reserved").longValue());
        assertThat(now.getJsonNumber("onHand").longValue()).isNotNegative();
        assertThat(now.getJsonNumber("reserved").longValue()).isNotNegative();
    }

    static JsonObject order(String cardToken, String productId, int quantity) {
        return Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("productId", productId).add("quantity", quantity)))
                .add("payment", Json.createObjectBuilder().add("cardToken", cardToken))
                .build();
    }

    static Gateway.Answer place(String token, JsonObject order, int waitSeconds) {
        var request = Gateway.at("orders", token).header("Idempotency-Key", UUID.randomUUID().toString());
        if (waitSeconds > 0) {
            request = request.header("Prefer", "wait=" + waitSeconds);
        }
        return Gateway.answer(request.post(jakarta.ws.rs.client.Entity.json(order.toString())));
    }

    /** Places an order for {@code quantity} of one product (answered 201), waiting for the decision when > 0. */
    static JsonObject placed(String token, String cardToken, String productId, int quantity, int waitSeconds) {
        return place(token, order(cardToken, productId, quantity), waitSeconds).expect(201).json();
    }

    /** One of the product, by card, ordered on {@code pool} without waiting: {its id, its customer's token}. */
    static CompletableFuture<String[]> placeOneLater(Gateway.Customer customer, String productId, Executor pool) {
        return CompletableFuture.supplyAsync(() -> new String[] {
                placed(customer.token(), "tok_approved", productId, 1, 0).getString("id"), customer.token()}, pool);
    }

    /** Waits until the saga has decided the order, and returns it. */
    static JsonObject decided(String orderId, String token) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> Gateway.get("orders/" + orderId, token).expect(200).json(),
                        order -> FINAL.contains(order.getString("status")));
    }

    static List<String> timeline(JsonObject order) {
        return order.getJsonArray("timeline").stream().map(step -> step.asJsonObject().getString("status")).toList();
    }
}
