package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read side of orders: the saga's outcomes land in the reports, events that come twice or out of order change
 * nothing more, the staff's lists come from it, and a rebuild from the orders ends where the events did.
 */
class ReportsIT extends AmongNeighbours {

    static final ZoneId PIZZERIA = ZoneId.of("America/Sao_Paulo");
    static final Duration PROJECTED = Duration.ofSeconds(30);

    Api.Person admin;
    Api.Person kitchen;
    String today;

    @BeforeEach
    void setUp() {
        admin = Api.admin();
        kitchen = Api.kitchen();
        today = LocalDate.now(PIZZERIA).toString();
    }

    @Test
    void everyOutcomeOfTheSagaLandsInItsReport() {
        var pizza = neighbours.product("Relatório " + UUID.randomUUID(), 4_000);
        var scarce = neighbours.product("Sem Queijo", 3_000);
        neighbours.shortProducts.add(scarce.id());
        var slow = neighbours.product("Lenta", 3_500);
        neighbours.silentProducts.add(slow.id());
        JsonObject rejectionsBefore = report("reports/rejections?from=" + today + "&to=" + today);
        JsonObject paymentsBefore = todaysPayments();
        var customer = Api.customer();

        String sold = place(customer, "tok_approved", pizza.id(), "CONFIRMED");
        place(customer, "tok_declined", pizza.id(), "CANCELLED");
        place(customer, "tok_approved", scarce.id(), "REJECTED");
        String waiting = api.order(customer, Api.key(), Api.orderOf("tok_approved", slow.id()), 0).expect(201).json()
                .getString("id");
        await("waiting order listed for the kitchen").atMost(PROJECTED).untilAsserted(() ->
                assertThat(staffList("status=PENDING&q=" + waiting, kitchen)).extracting(o -> o.getString("id"))
                        .containsExactly(waiting));
        assertThat(report("reports/orders/in-progress", kitchen).getJsonObject("byStatus").getInt("PENDING"))
                .isPositive();
        api.post("orders/" + waiting + "/cancel", customer, jakarta.json.Json.createObjectBuilder().build())
                .expect(200);

        await("sale projected").atMost(PROJECTED).untilAsserted(() -> {
            JsonObject products = report("reports/products?from=" + today + "&to=" + today + "&limit=100");
            assertThat(products.getJsonArray("products").getValuesAs(JsonObject.class))
                    .filteredOn(p -> p.getString("productId").equals(pizza.id().toString()))
                    .singleElement().satisfies(p -> {
                        assertThat(p.getString("name")).isEqualTo(pizza.name());
                        assertThat(p.getInt("units")).isEqualTo(2);
                        assertThat(p.getInt("revenueCents")).isEqualTo(8_000);
                    });
        });
        await("rejections projected").atMost(PROJECTED).untilAsserted(() -> {
            JsonObject rejections = report("reports/rejections?from=" + today + "&to=" + today);
            assertThat(delta(rejections, rejectionsBefore, "OUT_OF_STOCK")).isEqualTo(1);
            assertThat(delta(rejections, rejectionsBefore, "PAYMENT_DECLINED")).isEqualTo(1);
            assertThat(delta(rejections, rejectionsBefore, "CANCELLED_BY_CUSTOMER")).isEqualTo(1);
            assertThat(rejections.getJsonArray("missingIngredients").getValuesAs(JsonObject.class))
                    .filteredOn(m -> m.getString("sku").equals("MOZZARELLA"))
                    .singleElement().satisfies(m -> assertThat(m.getString("name")).isEqualTo("Mozzarella"));
        });
        await("payments projected").atMost(PROJECTED).untilAsserted(() -> {
            JsonObject day = todaysPayments();
            assertThat(day.getInt("approved") - paymentsBefore.getInt("approved")).isEqualTo(1);
            assertThat(day.getInt("declined") - paymentsBefore.getInt("declined")).isEqualTo(1);
            assertThat(day.getJsonObject("byReason").getInt("DECLINED", 0)
                    - paymentsBefore.getJsonObject("byReason").getInt("DECLINED", 0)).isEqualTo(1);
        });

        JsonObject listed = staffList("q=" + sold.substring(0, 13), admin).get(0);
        assertThat(listed.getString("id")).isEqualTo(sold);
        assertThat(listed).isEqualTo(api.order(sold, admin)); // the read side's view is the order as it is
        JsonObject sales = report("reports/sales?from=" + today + "&to=" + today);
        assertThat(sales.getString("timeZone")).isEqualTo("America/Sao_Paulo");
        assertThat(sales.getString("asOf")).isNotBlank();
        JsonObject day = sales.getJsonArray("days").getJsonObject(0);
        assertThat(day.getString("day")).isEqualTo(today);
        assertThat(day.getInt("orders")).isPositive();
    }

    @Test
    void anEventDeliveredTwiceOrPublishedTwiceCountsOnce() throws Exception {
        var pizza = neighbours.product("Duplicada " + UUID.randomUUID(), 5_000);
        UUID order = UUID.randomUUID();
        List<Record> events = sold(order, pizza, Instant.now().truncatedTo(ChronoUnit.MICROS));
        List<UUID> ids = new ArrayList<>();
        for (Record event : events) {
            ids.add(neighbours.reply(order, event, UUID.randomUUID()));
        }
        neighbours.reply(order, events.get(2), ids.get(2)); // a redelivery: the same message again
        neighbours.reply(order, events.get(2), UUID.randomUUID()); // a duplicate: the same event, another message

        await("projected, once").atMost(PROJECTED).during(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(unitsSold(pizza.id())).isEqualTo(3));
        assertThat(staffList("q=" + order, admin).get(0).getString("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void aPoisonEventIsDeadLetteredAndTheProjectionKeepsGoing() throws Exception {
        var pizza = neighbours.product("Depois do Veneno " + UUID.randomUUID(), 5_000);
        UUID broken = UUID.randomUUID();
        // an OrderConfirmed whose lines are not lines: the projection fails on it at every delivery
        UUID poison = neighbours.publish(MessageType.of(OrderConfirmed.class), broken, jakarta.json.Json
                .createObjectBuilder().add("orderId", broken.toString()).add("lines", "not lines").build());
        UUID order = UUID.randomUUID();
        for (Record event : sold(order, pizza, Instant.now().truncatedTo(ChronoUnit.MICROS))) {
            neighbours.reply(order, event, UUID.randomUUID());
        }

        await("the events after the poison projected").atMost(PROJECTED).untilAsserted(() ->
                assertThat(unitsSold(pizza.id())).isEqualTo(3));
        await("the poison event in orders.reporting's dead letters").atMost(PROJECTED).untilAsserted(() ->
                assertThat(api.get("orders/dead-letters?limit=100", admin).expect(200).array()
                        .getValuesAs(JsonObject.class)).filteredOn(q -> q.getString("queue").equals("orders.reporting"))
                        .singleElement().satisfies(q -> assertThat(q.getJsonArray("letters")
                                .getValuesAs(JsonObject.class)).anyMatch(letter -> letter.getString("body", "")
                                        .contains(poison.toString()))));
        assertThat(staffList("q=" + broken, admin)).as("nothing half-applied for the poison").isEmpty();
    }

    @Test
    void eventsOutOfOrderEndInTheSameStateAsInOrder() throws Exception {
        var pizza = neighbours.product("Fora de Ordem " + UUID.randomUUID(), 5_000);
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Record event : cancelledAfterSale(inOrder, pizza, at)) {
            neighbours.reply(inOrder, event, UUID.randomUUID());
        }
        List<Record> backwards = cancelledAfterSale(reversed, pizza, at);
        Collections.reverse(backwards);
        for (Record event : backwards) {
            neighbours.reply(reversed, event, UUID.randomUUID());
        }

        await("both projected").atMost(PROJECTED).untilAsserted(() -> {
            JsonObject first = staffList("q=" + inOrder, admin).get(0);
            JsonObject second = staffList("q=" + reversed, admin).get(0);
            assertThat(second.getString("status")).isEqualTo("CANCELLED");
            assertThat(second.getJsonArray("timeline")).hasSize(4).isEqualTo(first.getJsonArray("timeline"));
            assertThat(second.getJsonArray("items")).isEqualTo(first.getJsonArray("items"));
            assertThat(second.getString("createdAt")).isEqualTo(first.getString("createdAt"));
        });
        awaitCaughtUp();
        assertThat(unitsSold(pizza.id())).as("cancelled after the sale: not sold").isZero();
        assertThat(report("reports/products?from=" + today + "&to=" + today + "&limit=100").getJsonArray("products")
                .getValuesAs(JsonObject.class)).as("nor listed among the products sold")
                .noneMatch(p -> p.getString("productId").equals(pizza.id().toString()));
    }

    @Test
    void aRebuildWhileOrdersFlowEndsWhereTheEventsDid() {
        var pizza = neighbours.product("Reconstruída", 4_500);
        var scarce = neighbours.product("Reconstruída Sem Queijo", 4_500);
        neighbours.shortProducts.add(scarce.id());
        var customer = Api.customer();
        placeMixed(customer, pizza, scarce, 8);

        // a rebuild while more orders come in
        CompletableFuture<Void> flow = CompletableFuture.runAsync(() -> placeMixed(customer, pizza, scarce, 8));
        UUID first = rebuild();
        flow.join();
        awaitRebuilt(first);

        await("rebuilt equals live").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            awaitCaughtUp();
            String live = snapshot();
            awaitRebuilt(rebuild());
            assertThat(snapshot()).isEqualTo(live);
        });
    }

    @Test
    void changesAnotherInstanceLeftQueuedAreFoldedByTheSweep() {
        // nothing on this instance projected them, so nothing wakes its folder: the sweep (2 s here) folds them
        LocalDate day = LocalDate.of(2001, 2, 3);
        Db.queuedSale(day, 3, 15_000);

        await("folded without a wake-up").atMost(PROJECTED).untilAsserted(() -> {
            JsonObject sold = report("reports/sales?from=" + day + "&to=" + day).getJsonArray("days").getJsonObject(0);
            assertThat(sold.getInt("orders")).isEqualTo(1);
            assertThat(sold.getJsonNumber("units").longValue()).isEqualTo(3);
            assertThat(sold.getJsonNumber("revenueCents").longValue()).isEqualTo(15_000);
        });
    }

    @Test
    void badRangesAreProblemsAndOnlyStaffSeeReports() {
        api.get("reports/sales?from=yesterday", admin).problem(400);
        api.get("reports/sales?from=2026-12-07&to=2026-12-01", admin).problem(400);
        api.get("reports/sales?from=2025-01-01&to=2026-12-31", admin).problem(400);
        api.get("reports/payments?bucket=week", admin).problem(400);
        api.get("reports/products?limit=0", admin).problem(400);
        api.get("orders?day=today", admin).problem(400);
        api.get("orders?q=not-an-id!", admin).problem(400);
        api.get("reports/sales", Api.customer()).problem(403);
        api.get("reports/sales", kitchen).problem(403);
        api.get("reports/orders/in-progress", kitchen).expect(200);
        api.get("reports/sales", null).problem(401);

        JsonObject month = report("reports/sales");
        assertThat(month.getJsonArray("days")).as("the last 30 days, each present").hasSize(30);
        assertThat(month.getJsonArray("days").getJsonObject(29).getString("day")).isEqualTo(today);
        assertThat(report("reports/payments?from=" + today + "&to=" + today).getJsonArray("buckets"))
                .as("every local hour of the day").hasSize(24);
        assertThat(api.metricLine("reports_lag_seconds", "")).as("the read side's lag, published")
                .hasValueSatisfying(lag -> assertThat(lag).isGreaterThanOrEqualTo(0));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private String place(Api.Person customer, String card, UUID product, String expected) {
        JsonObject order = api.order(customer, Api.key(), Api.orderOf(card, product), 10).expect(201).json();
        assertThat(order.getString("status")).isEqualTo(expected);
        return order.getString("id");
    }

    private void placeMixed(Api.Person customer, Neighbours.Product pizza, Neighbours.Product scarce, int count) {
        for (int i = 0; i < count; i++) {
            UUID product = i % 4 == 3 ? scarce.id() : pizza.id();
            api.order(customer, Api.key(), Api.orderOf(i % 4 == 1 ? "tok_declined" : "tok_approved", product), 10)
                    .expect(201);
        }
    }

    private UUID rebuild() {
        JsonObject run = api.post("reports/rebuild", admin, jakarta.json.Json.createObjectBuilder().build())
                .expect(202).json();
        return UUID.fromString(run.getString("id"));
    }

    private void awaitRebuilt(UUID run) {
        await("rebuild " + run).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonObject latest = report("reports/rebuild");
            assertThat(latest.getString("id")).isEqualTo(run.toString());
            assertThat(latest.getString("state")).isEqualTo("DONE");
        });
    }

    /** Every order the write side has, in the read side with the same status. */
    private void awaitCaughtUp() {
        await("read side caught up").atMost(PROJECTED)
                .until(() -> api.metricLine("reports_lag_seconds", "").orElseThrow() == 0);
    }

    /** Everything the reports say about the last two days, and the staff's list of every order. */
    private String snapshot() {
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        String range = "from=" + yesterday + "&to=" + today;
        JsonObject inProgress = report("reports/orders/in-progress");
        return String.join("\n",
                report("reports/sales?" + range).toString(),
                report("reports/products?limit=100&" + range).toString(),
                report("reports/rejections?" + range).toString(),
                report("reports/payments?bucket=day&" + range).toString(),
                inProgress.getJsonObject("byStatus").toString(),
                api.get("orders?limit=100", admin).expect(200).json().toString());
    }

    private static List<Record> sold(UUID order, Neighbours.Product pizza, Instant at) {
        UUID customer = UUID.randomUUID();
        var lines = List.of(new OrderLine(pizza.id(), pizza.name(), 3, pizza.priceCents()));
        return List.of(
                new OrderCreated(order, customer, lines, 3 * pizza.priceCents(), at, null, null, null),
                new OrderStatusChanged(order, customer, "AWAITING_PAYMENT", at.plusMillis(10), 1),
                new OrderConfirmed(order, customer, lines, 3 * pizza.priceCents(), at.plusMillis(20), 2));
    }

    private static List<Record> cancelledAfterSale(UUID order, Neighbours.Product pizza, Instant at) {
        List<Record> events = new ArrayList<>(sold(order, pizza, at));
        OrderCreated created = (OrderCreated) events.get(0);
        events.add(new OrderCancelled(order, created.customerId(), "CANCELLED_BY_ADMIN",
                created.createdAt().plusSeconds(60), 3, null, null));
        return events;
    }

    private long unitsSold(UUID product) {
        return report("reports/products?from=" + today + "&to=" + today + "&limit=100").getJsonArray("products")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("productId").equals(product.toString()))
                .mapToLong(p -> p.getInt("units")).sum();
    }

    private JsonObject todaysPayments() {
        return report("reports/payments?bucket=day&from=" + today + "&to=" + today).getJsonArray("buckets")
                .getJsonObject(0);
    }

    private static long delta(JsonObject after, JsonObject before, String reason) {
        return after.getJsonObject("byReason").getInt(reason) - before.getJsonObject("byReason").getInt(reason);
    }

    private List<JsonObject> staffList(String query, Api.Person who) {
        return api.get("orders?" + query, who).expect(200).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    private JsonObject report(String path) {
        return report(path, admin);
    }

    private JsonObject report(String path, Api.Person who) {
        return api.get(path, who).expect(200).json();
    }
}
