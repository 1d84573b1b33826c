package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The read side through nginx: 120 orders of every outcome (approved, declined, out of stock, cancelled by the
 * customer), with a rebuild of the read model started in the middle of them; then each report, and the staff's list
 * order by order, says what the orders API and the payments API say.
 */
class ReportsThroughTheGatewayIT {

    static final ZoneId PIZZERIA = ZoneId.of("America/Sao_Paulo");
    static final int ORDERS = 120;

    record Placed(String id, String token, String card) {
    }

    @Test
    void everyReportEqualsWhatTheOrdersSayOrderByOrderAlsoAfterARebuildUnderLoad() throws Exception {
        var kitchen = new Kitchen();
        String sauce = kitchen.ingredient("Molho", 10_000_000);
        String cheese = kitchen.ingredient("Queijo Raro", 12 * 100);
        List<String> pizzas = List.of(
                kitchen.pizza("Relatorio Margherita", 4_990, Map.of(sauce, 100L)),
                kitchen.pizza("Relatorio Calabresa", 5_490, Map.of(sauce, 120L)));
        String scarce = kitchen.pizza("Relatorio Quatro Queijos", 6_290, Map.of(sauce, 80L, cheese, 100L));
        String admin = kitchen.admin;
        String today = LocalDate.now(PIZZERIA).toString();
        String range = "from=" + LocalDate.parse(today).minusDays(1) + "&to=" + today;
        JsonObject salesBefore = awaitSettled(admin, "reports/sales?" + range);
        JsonObject rejectionsBefore = get(admin, "reports/rejections?" + range);
        JsonObject paymentsBefore = get(admin, "reports/payments?bucket=day&" + range);
        List<Gateway.Customer> customers = Gateway.newCustomers("Relatorio", 8);

        Random random = new Random(7);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Placed>> placing = new ArrayList<>();
        try {
            for (int i = 0; i < ORDERS; i++) {
                var customer = customers.get(i % customers.size());
                int roll = random.nextInt(100);
                String card = roll < 15 ? "tok_declined" : roll < 25 ? "tok_insufficient_funds" : "tok_approved";
                String product = roll >= 80 && roll < 92 ? scarce : pizzas.get(random.nextInt(pizzas.size()));
                boolean cancel = roll >= 95;
                int quantity = 1 + random.nextInt(3);
                placing.add(CompletableFuture.supplyAsync(() -> place(customer.token(), card, product, quantity,
                        cancel), pool));
                if (i == ORDERS / 2) {
                    awaitNoRebuild(admin);
                    Gateway.post("reports/rebuild", admin, Json.createObjectBuilder().build()).expect(202);
                }
            }
            List<Placed> placed = placing.stream().map(CompletableFuture::join).toList();
            List<JsonObject> orders = placed.stream().map(p -> Kitchen.decided(p.id(), p.token())).toList();
            await("the rebuild ended").atMost(Duration.ofSeconds(120)).until(() ->
                    get(admin, "reports/rebuild").getString("state").equals("DONE"));

            // what the write side says
            Map<String, long[]> sales = new TreeMap<>(); // day -> orders, units, revenue
            Map<String, long[]> products = new HashMap<>(); // product -> units, revenue
            Map<String, Long> rejections = new TreeMap<>();
            Map<String, Long> declines = new TreeMap<>();
            long approved = 0;
            long missingCheese = 0;
            for (int i = 0; i < orders.size(); i++) {
                JsonObject order = orders.get(i);
                Map<String, Instant> at = new HashMap<>();
                order.getJsonArray("timeline").forEach(step -> at.put(step.asJsonObject().getString("status"),
                        Instant.parse(step.asJsonObject().getString("at"))));
                String status = order.getString("status");
                if (at.containsKey("CONFIRMED")) {
                    approved++;
                }
                if (status.equals("CONFIRMED")) {
                    long[] day = sales.computeIfAbsent(LocalDate.ofInstant(at.get("CONFIRMED"), PIZZERIA).toString(),
                            d -> new long[3]);
                    day[0]++;
                    for (JsonObject item : order.getJsonArray("items").getValuesAs(JsonObject.class)) {
                        long units = item.getInt("quantity");
                        long revenue = units * item.getJsonNumber("unitPriceCents").longValue();
                        day[1] += units;
                        day[2] += revenue;
                        long[] product = products.computeIfAbsent(item.getString("productId"), p -> new long[2]);
                        product[0] += units;
                        product[1] += revenue;
                    }
                } else {
                    rejections.merge(order.getString("reason"), 1L, Long::sum);
                    if (order.containsKey("shortages")) {
                        missingCheese += order.getJsonArray("shortages").getValuesAs(JsonObject.class).stream()
                                .filter(s -> s.getString("sku").equals(cheese)).count();
                    }
                    if (order.getString("reason").equals("PAYMENT_DECLINED")) {
                        String why = OrderSagaIT.payments(order.getString("id"), placed.get(i).token())
                                .getJsonObject(0).getString("reason");
                        declines.merge(why, 1L, Long::sum);
                    }
                }
            }
            assertThat(rejections).as("the stream has every outcome")
                    .containsKeys("OUT_OF_STOCK", "PAYMENT_DECLINED", "CANCELLED_BY_CUSTOMER");
            long confirmed = approved;

            // ... and what the read side says, once it has caught up
            await("reports caught up").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonObject best = get(admin, "reports/products?limit=100&" + range);
                for (String product : List.of(pizzas.get(0), pizzas.get(1))) {
                    JsonObject row = best.getJsonArray("products").getValuesAs(JsonObject.class).stream()
                            .filter(p -> p.getString("productId").equals(product)).findFirst().orElseThrow();
                    assertThat(row.getJsonNumber("units").longValue()).isEqualTo(products.get(product)[0]);
                    assertThat(row.getJsonNumber("revenueCents").longValue()).isEqualTo(products.get(product)[1]);
                }
                JsonObject payments = get(admin, "reports/payments?bucket=day&" + range);
                assertThat(sum(payments, "approved") - sum(paymentsBefore, "approved")).isEqualTo(confirmed);
            });
            JsonObject salesAfter = get(admin, "reports/sales?" + range);
            for (int d = 0; d < 2; d++) {
                JsonObject before = salesBefore.getJsonArray("days").getJsonObject(d);
                JsonObject after = salesAfter.getJsonArray("days").getJsonObject(d);
                long[] expected = sales.getOrDefault(after.getString("day"), new long[3]);
                assertThat(after.getJsonNumber("orders").longValue() - before.getJsonNumber("orders").longValue())
                        .as("orders sold on %s", after.getString("day")).isEqualTo(expected[0]);
                assertThat(after.getJsonNumber("units").longValue() - before.getJsonNumber("units").longValue())
                        .isEqualTo(expected[1]);
                assertThat(after.getJsonNumber("revenueCents").longValue()
                        - before.getJsonNumber("revenueCents").longValue()).isEqualTo(expected[2]);
            }
            JsonObject rejectionsAfter = get(admin, "reports/rejections?" + range);
            rejections.forEach((reason, count) -> assertThat((long)
                    rejectionsAfter.getJsonObject("byReason").getInt(reason)
                            - rejectionsBefore.getJsonObject("byReason").getInt(reason)).as(reason).isEqualTo(count));
            long missing = missingCheese;
            assertThat(rejectionsAfter.getJsonArray("missingIngredients").getValuesAs(JsonObject.class))
                    .filteredOn(m -> m.getString("sku").equals(cheese)).singleElement()
                    .satisfies(m -> assertThat(m.getJsonNumber("orders").longValue()).isEqualTo(missing));
            JsonObject paymentsAfter = get(admin, "reports/payments?bucket=day&" + range);
            String declined = orders.stream().filter(o -> "PAYMENT_DECLINED".equals(o.getString("reason", "")))
                    .map(o -> "'" + o.getString("id") + "'").collect(java.util.stream.Collectors.joining(","));
            declines.forEach((reason, count) -> assertThat(byReason(paymentsAfter, reason)
                    - byReason(paymentsBefore, reason)).as("declined: %s; before %s, after %s; orders and read side:%n%s",
                            reason, paymentsBefore, paymentsAfter, database("""
                            select o.id, o.payment_reason, s.payment_outcome, s.payment_reason, s.payment_at, s.status
                              from orders.orders o left join orders_read.order_summaries s on s.order_id = o.id
                             where o.id in (%s) order by 2, 4""".formatted(declined)))
                    .isEqualTo(count));

            // the staff's list, order by order, is the order
            for (JsonObject order : orders) {
                JsonObject listed = get(admin, "orders?q=" + order.getString("id")).getJsonArray("items")
                        .getJsonObject(0);
                assertThat(listed).as("the read side's %s", order.getString("id")).isEqualTo(order);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badRangesAreProblemsAndOneRebuildRunsAtATime() {
        String admin = Gateway.admin();
        for (String path : List.of("reports/sales?from=ontem", "reports/rejections?from=2026-12-07&to=2026-12-01",
                "reports/payments?bucket=week", "reports/products?limit=0")) {
            assertThat(Gateway.get(path, admin).status()).as(path).isEqualTo(400);
        }
        awaitNoRebuild(admin);
        // the second arrives while the first projects every order of the stack, one transaction each
        Gateway.post("reports/rebuild", admin, Json.createObjectBuilder().build()).expect(202);
        assertThat(Gateway.post("reports/rebuild", admin, Json.createObjectBuilder().build()).status())
                .isEqualTo(409);
        awaitNoRebuild(admin);
    }

    private static void awaitNoRebuild(String admin) {
        await("no rebuild running").atMost(Duration.ofSeconds(120)).until(() -> {
            var latest = Gateway.get("reports/rebuild", admin);
            return latest.status() == 404 || !latest.json().getString("state").equals("RUNNING");
        });
    }

    private static Placed place(String token, String card, String product, int quantity, boolean cancel) {
        JsonObject order = Kitchen.place(token, Kitchen.order(card, product, quantity), cancel ? 0 : 10).expect(201)
                .json();
        String id = order.getString("id");
        if (cancel) {
            Gateway.post("orders/" + id + "/cancel", token, Json.createObjectBuilder().build());
        }
        return new Placed(id, token, card);
    }

    /** A report once every order placed before this test is decided, as far as the read side knows. */
    private static JsonObject awaitSettled(String admin, String path) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonObject byStatus = get(admin, "reports/orders/in-progress").getJsonObject("byStatus");
            return byStatus.getInt("PENDING") + byStatus.getInt("AWAITING_PAYMENT") == 0;
        });
        return get(admin, path);
    }

    /** What the database says, for a failure's message (psql as the superuser; the stack's database). */
    private static String database(String sql) {
        try {
            String db = System.getProperty("pizzeria.jdbc.url").replaceAll(".*/", "");
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c", sql)
                    .redirectErrorStream(true).start();
            return new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(psql failed: " + e + ")";
        }
    }

    private static long sum(JsonObject payments, String field) {
        return payments.getJsonArray("buckets").getValuesAs(JsonObject.class).stream()
                .mapToLong(b -> b.getJsonNumber(field).longValue()).sum();
    }

    private static long byReason(JsonObject payments, String reason) {
        return payments.getJsonArray("buckets").getValuesAs(JsonObject.class).stream()
                .mapToLong(b -> b.getJsonObject("byReason").getInt(reason, 0)).sum();
    }

    private static JsonObject get(String token, String path) {
        return Gateway.get(path, token).expect(200).json();
    }
}
