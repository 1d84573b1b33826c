package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 on the running stack: the admin asks the chatbot, through nginx, questions narrowed to a product, a
 * category, a status, a customer and two days, about orders the test placed itself; every expected figure is
 * computed here from the orders and stock API, never from the chatbot's own SQL. And the chatbot's figures of a
 * period are the console's: GET /reports/* (and the staff's list) for the same day say the same numbers.
 * <p>
 * The chatbot reads orders' read model, as the reports do, so an order the saga has just decided reaches its
 * answers a moment later (the outbox relay, one broker hop, a fold): each question is asked again, within a bound,
 * until the read side has caught up.
 */
class ChatFiguresThroughTheGatewayIT {

    static final Set<String> SOLD = Set.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
    static final ZoneId PIZZERIA = ZoneId.of("America/Sao_Paulo");
    static final Duration READ_SIDE = Duration.ofSeconds(60);

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

        await("the read side has the customer's drinks").atMost(READ_SIDE).untilAsserted(() -> assertThat(
                ask(admin, "Quanto o cliente " + customerName + " gastou com bebidas hoje?").getJsonObject("data")
                        .getJsonNumber("revenueCents").longValue()).isEqualTo(drinksCents));
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

        await("the read side has the order in preparation").atMost(READ_SIDE).untilAsserted(() -> assertThat(
                ask(admin, "Quantos pedidos do cliente " + customerName + " estão em preparo hoje?")
                        .getJsonObject("data").getInt("total")).isEqualTo((int) preparing));
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

    /**
     * The console's pictures and the chatbot's answers for the same day: sales (orders, revenue), best sellers,
     * rejections for lack of stock with the ingredient short, cancellations, payments, and the orders in preparation
     * against the staff's list. The test places approved, declined and out-of-stock orders of its own, so that each
     * figure is more than zero; each comparison is taken between two identical reads of the report, so that an order
     * still folding in cannot make them differ by timing.
     */
    @Test
    void theChatbotsFiguresOfADayAreTheReportsFiguresOfThatDay() {
        Kitchen kitchen = new Kitchen();
        String admin = kitchen.admin;
        String cheese = kitchen.ingredient("Queijo", 1_000_000);
        String rare = kitchen.ingredient("Trufa", 150);
        String pizza = product(admin, "Pizza " + word(), "PIZZA", 5200, cheese);
        String truffled = kitchen.pizza("Pizza " + word(), 9900, Map.of(rare, 100L)); // two need 200 of the 150
        String drink = product(admin, "Refri " + word(), "DRINK", 800, cheese);
        var customer = Gateway.newCustomer("Caio " + word());
        String approved = placed(customer.token(), Map.of(pizza, 2, drink, 2));
        placed(customer.token(), Map.of(drink, 1));
        assertThat(decided(customer.token(), Map.of(pizza, 1), "tok_declined")).isEqualTo("CANCELLED");
        assertThat(decided(customer.token(), Map.of(truffled, 2), "tok_approved")).isEqualTo("REJECTED");
        Gateway.post("orders/" + approved + "/status", admin,
                Json.createObjectBuilder().add("status", "PREPARING").build()).expect(200);
        String today = LocalDate.now(PIZZERIA).toString();
        String day = "from=" + today + "&to=" + today;

        // the test's own orders are in the reports: the read side has caught up with them
        await("the read side has the test's orders").atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(report(admin, "reports/rejections?" + day).getJsonArray("missingIngredients").stream()
                    .map(m -> m.asJsonObject().getString("sku"))).contains(rare);
            assertThat(Gateway.get("orders?status=PREPARING&day=" + today + "&q=" + approved.substring(0, 8), admin)
                    .expect(200).json().getInt("total")).isEqualTo(1);
        });

        sameAsTheReport(admin, "reports/sales?" + day, "Qual foi o faturamento de hoje?", (sales, chat) -> {
            JsonObject d = sales.getJsonArray("days").getJsonObject(0);
            assertThat(chat.getString("intent")).isEqualTo("revenue");
            assertThat(chat.getJsonObject("data").getJsonNumber("orders").longValue())
                    .isEqualTo(d.getJsonNumber("orders").longValue()).isPositive();
            assertThat(chat.getJsonObject("data").getJsonNumber("revenueCents").longValue())
                    .isEqualTo(d.getJsonNumber("revenueCents").longValue());
        });
        sameAsTheReport(admin, "reports/sales?" + day, "Qual o ticket médio de hoje?", (sales, chat) -> {
            JsonObject d = sales.getJsonArray("days").getJsonObject(0);
            assertThat(chat.getString("intent")).isEqualTo("average_ticket");
            assertThat(chat.getJsonObject("data").getJsonNumber("averageCents").longValue())
                    .isEqualTo(d.getJsonNumber("averageTicketCents").longValue());
        });
        sameAsTheReport(admin, "reports/products?limit=5&" + day, "Quais foram os 5 produtos mais vendidos hoje?",
                (products, chat) -> {
                    assertThat(chat.getString("intent")).isEqualTo("top_products");
                    assertThat(chat.getJsonObject("data").getJsonArray("products").stream().map(p -> p.asJsonObject())
                            .map(p -> p.getString("name") + " " + p.getInt("quantity") + " "
                                    + p.getJsonNumber("revenueCents").longValue()).toList())
                            .isEqualTo(products.getJsonArray("products").stream().map(p -> p.asJsonObject())
                                    .map(p -> p.getString("name") + " " + p.getInt("units") + " "
                                            + p.getJsonNumber("revenueCents").longValue()).toList())
                            .isNotEmpty();
                });
        sameAsTheReport(admin, "reports/rejections?" + day,
                "Quantos pedidos falharam por falta de estoque hoje?", (rejections, chat) -> {
                    assertThat(chat.getString("intent")).isEqualTo("stock_rejections");
                    assertThat(chat.getJsonObject("data").getJsonNumber("rejectedOrders").longValue())
                            .isEqualTo(rejections.getJsonObject("byReason").getJsonNumber("OUT_OF_STOCK").longValue())
                            .isPositive();
                    assertThat(chat.getJsonObject("data").getJsonArray("shortIngredients").stream()
                            .map(m -> m.asJsonObject().getString("sku") + " " + m.asJsonObject().getInt("orders"))
                            .toList())
                            .isEqualTo(rejections.getJsonArray("missingIngredients").stream().limit(5)
                                    .map(m -> m.asJsonObject().getString("sku") + " "
                                            + m.asJsonObject().getInt("orders")).toList());
                });
        sameAsTheReport(admin, "reports/rejections?" + day, "Cancelamentos por motivo hoje", (rejections, chat) -> {
            assertThat(chat.getString("intent")).isEqualTo("cancellations_by_reason");
            JsonObject byReason = rejections.getJsonObject("byReason");
            for (String reason : List.of("PAYMENT_DECLINED", "CANCELLED_BY_CUSTOMER", "CANCELLED_BY_ADMIN", "EXPIRED")) {
                assertThat(chat.getJsonObject("data").getJsonArray("reasons").stream().map(r -> r.asJsonObject())
                        .filter(r -> r.getString("reason").equals(reason)).mapToLong(r -> r.getInt("count")).sum())
                        .as(reason).isEqualTo(byReason.getJsonNumber(reason).longValue());
            }
            assertThat(byReason.getInt("PAYMENT_DECLINED")).isPositive();
        });
        sameAsTheReport(admin, "reports/payments?bucket=day&" + day, "Qual a taxa de falha de pagamentos hoje?",
                (payments, chat) -> {
                    JsonObject bucket = payments.getJsonArray("buckets").getJsonObject(0);
                    assertThat(chat.getString("intent")).isEqualTo("payment_failure_rate");
                    assertThat(chat.getJsonObject("data").getJsonNumber("payments").longValue())
                            .isEqualTo(bucket.getJsonNumber("attempts").longValue()).isPositive();
                    assertThat(chat.getJsonObject("data").getJsonNumber("declined").longValue())
                            .isEqualTo(bucket.getJsonNumber("declined").longValue()).isPositive();
                });
        sameAsTheReport(admin, "orders?status=PREPARING&limit=1&day=" + today, "Quantos pedidos estão em preparo hoje?",
                (list, chat) -> {
                    assertThat(chat.getString("intent")).isEqualTo("orders_by_status");
                    assertThat(chat.getJsonObject("filters").getString("status")).isEqualTo("PREPARING");
                    assertThat(chat.getJsonObject("data").getJsonNumber("total").longValue())
                            .isEqualTo(list.getJsonNumber("total").longValue()).isPositive();
                });
    }

    /** The chatbot's answer checked against the report read just before and just after it, when those two agree. */
    static void sameAsTheReport(String admin, String report, String question,
                                java.util.function.BiConsumer<JsonObject, JsonObject> same) {
        await(question).atMost(READ_SIDE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonObject before = withoutAsOf(report(admin, report));
            JsonObject chat = ask(admin, question);
            JsonObject after = withoutAsOf(report(admin, report));
            assertThat(after).as("the report did not change meanwhile").isEqualTo(before);
            same.accept(before, chat);
        });
    }

    static JsonObject report(String admin, String path) {
        return Gateway.get(path, admin).expect(200).json();
    }

    private static JsonObject withoutAsOf(JsonObject report) {
        return Json.createObjectBuilder(report).remove("asOf").build();
    }

    /** Places an order with a card and returns the status the saga decided. */
    static String decided(String token, Map<String, Integer> items, String card) {
        var lines = Json.createArrayBuilder();
        items.forEach((product, quantity) -> lines.add(Json.createObjectBuilder().add("productId", product)
                .add("quantity", quantity)));
        JsonObject order = Json.createObjectBuilder().add("items", lines)
                .add("payment", Json.createObjectBuilder().add("cardToken", card)).build();
        String id = Kitchen.place(token, order, 10).expect(201).json().getString("id");
        return Kitchen.decided(id, token).getString("status");
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
