package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partners over JMS on the whole stack: two partners made with {@code bin/pizzeria partner add}, each connected with
 * the AMQP URI it printed, ordering over the broker while customers order through nginx, on stock for exactly 50
 * pizzas; what each partner's broker user may not do; a sell-out and a restock heard by every partner.
 */
class PartnersIT {

    private static final long GRAMS_PER_PIZZA = 200;
    private static final int PIZZAS_IN_STOCK = 50;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private static Partner marketplace;
    private static Partner pos;

    /** A partner as its developer would write it: its URI, its exchange, its two queues. */
    static final class Partner implements AutoCloseable {

        record Heard(String type, String correlationId, JsonObject body) {
        }

        final String name;
        final Connection connection;
        final Channel publishing;
        final List<Heard> replies = new CopyOnWriteArrayList<>();

        Partner(String name) throws Exception {
            this.name = name;
            String uri = launcher("partner", "add", name).lines().reduce((first, last) -> last).orElseThrow().strip();
            assertThat(uri).startsWith("amqp://");
            assertThat(Files.readString(Stack.STATE.resolve("partners").resolve(name + ".uri")).strip()).isEqualTo(uri);
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            connection = factory.newConnection("system-tests partner " + name);
            publishing = connection.createChannel();
            publishing.confirmSelect();
            connection.createChannel().basicConsume("integrations." + name + ".replies", true, (tag, delivery) -> {
                try (var reader = Json.createReader(new StringReader(
                        new String(delivery.getBody(), StandardCharsets.UTF_8)))) {
                    replies.add(new Heard(delivery.getProperties().getType(),
                            delivery.getProperties().getCorrelationId(), reader.readObject()));
                }
            }, tag -> { });
        }

        synchronized void send(String type, String partnerOrderId, JsonObject body) throws Exception {
            publishing.basicPublish("integrations." + name + ".in", "", new AMQP.BasicProperties.Builder()
                    .type(type).messageId(UUID.randomUUID().toString()).correlationId(partnerOrderId)
                    .contentType("application/json").deliveryMode(2).build(), body.toString().getBytes(StandardCharsets.UTF_8));
            publishing.waitForConfirmsOrDie(5_000);
        }

        List<Heard> finalReplies(String partnerOrderId) {
            return replies.stream().filter(r -> partnerOrderId.equals(r.correlationId()))
                    .filter(r -> !r.type().equals("OrderStatusChanged")).toList();
        }

        /** The availability events heard on the events queue about this product (read with the partner's rights). */
        List<JsonObject> availabilityOf(String productId) throws IOException {
            List<JsonObject> heard = new ArrayList<>();
            try (Channel channel = connection.createChannel()) {
                for (var got = channel.basicGet("integrations." + name + ".events", true); got != null;
                     got = channel.basicGet("integrations." + name + ".events", true)) {
                    assertThat(got.getProps().getType()).isEqualTo("ProductAvailabilityChanged");
                    try (var reader = Json.createReader(new StringReader(new String(got.getBody(), StandardCharsets.UTF_8)))) {
                        heard.add(reader.readObject());
                    }
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException(e);
            }
            eventsSoFar.addAll(heard);
            return eventsSoFar.stream().filter(event -> event.getString("productId").equals(productId)).toList();
        }

        private final List<JsonObject> eventsSoFar = new ArrayList<>();

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    @BeforeAll
    static void addPartners() throws Exception {
        marketplace = new Partner("st-market-" + RUN);
        pos = new Partner("st-pos-" + RUN);
    }

    @AfterAll
    static void removePartners() throws Exception {
        for (Partner partner : new Partner[] {marketplace, pos}) {
            if (partner != null) {
                partner.close();
                launcher("partner", "remove", partner.name);
            }
        }
    }

    @Test
    void webAndPartnerOrdersShareTheStockAndNeverConfirmMoreThanIt() throws Exception {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", PIZZAS_IN_STOCK * GRAMS_PER_PIZZA);
        String pizza = kitchen.pizza("Margherita", 4990, Map.of(mozzarella, GRAMS_PER_PIZZA));
        List<Gateway.Customer> customers = Gateway.newCustomers("Cliente", 4);
        // 30 web orders and 2 x 20 partner orders of one pizza each: 70 wanted, 50 can be made
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<CompletableFuture<String[]>> web = new ArrayList<>();
        List<String> marketOrders = new ArrayList<>();
        List<String> posOrders = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                web.add(Kitchen.placeOneLater(customers.get(i % customers.size()), pizza, pool));
            }
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String market = "mkt-" + RUN + "-" + i;
                String counter = "pos-" + RUN + "-" + i;
                marketOrders.add(market);
                posOrders.add(counter);
                sending.add(CompletableFuture.runAsync(() -> send(marketplace, market,
                        placeOrder(market, pizza, Json.createObjectBuilder().add("method", "PREPAID").add("amountCents", 4990))), pool));
                sending.add(CompletableFuture.runAsync(() -> send(pos, counter,
                        placeOrder(counter, pizza, Json.createObjectBuilder().add("method", "CARD").add("cardToken", "tok_approved"))), pool));
            }
            sending.forEach(CompletableFuture::join);

            long confirmed = 0;
            for (var placed : web.stream().map(CompletableFuture::join).toList()) {
                JsonObject decided = Kitchen.decided(placed[0], placed[1]);
                if (decided.getString("status").equals("CONFIRMED")) {
                    confirmed++;
                } else {
                    assertThat(decided.getString("reason")).isEqualTo("OUT_OF_STOCK");
                }
            }
            for (var partner : List.of(Map.entry(marketplace, marketOrders), Map.entry(pos, posOrders))) {
                for (String id : partner.getValue()) {
                    await("the final reply about " + id).atMost(Duration.ofSeconds(90))
                            .until(() -> !partner.getKey().finalReplies(id).isEmpty());
                }
            }
            // no second final reply comes later
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            for (var partner : List.of(Map.entry(marketplace, marketOrders), Map.entry(pos, posOrders))) {
                for (String id : partner.getValue()) {
                    var finals = partner.getKey().finalReplies(id);
                    assertThat(finals).as("final replies about %s", id).hasSize(1);
                    if (finals.get(0).type().equals("OrderAccepted")) {
                        confirmed++;
                    } else {
                        assertThat(finals.get(0).body().getString("reason")).isEqualTo("OUT_OF_STOCK");
                        assertThat(finals.get(0).body().getJsonArray("shortages")).isNotEmpty();
                    }
                }
            }

            assertThat(confirmed).as("pizzas confirmed across the web and both partners").isEqualTo(PIZZAS_IN_STOCK);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonObject left = kitchen.ingredientNow(mozzarella);
                assertThat(left.getJsonNumber("onHand").longValue()).isZero();
                assertThat(left.getJsonNumber("reserved").longValue()).isZero();
            });
            kitchen.assertLedgerBalances(mozzarella);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPartnerUserCanNeitherReadNorWriteWhatIsNotItsOwn() throws Exception {
        assertRefused(() -> publishConfirmed(marketplace.connection, "integrations." + pos.name + ".in", ""));
        assertRefused(() -> publishConfirmed(marketplace.connection, "pizzeria.messages", "payments.reply.authorized"));
        assertRefused(() -> publishConfirmed(marketplace.connection, "integrations.replies", pos.name));
        assertRefused(() -> marketplace.connection.createChannel()
                .basicConsume("integrations." + pos.name + ".replies", true, (tag, m) -> { }, tag -> { }));
        assertRefused(() -> marketplace.connection.createChannel()
                .basicGet("integrations." + marketplace.name + ".orders", true));
        assertRefused(() -> marketplace.connection.createChannel().queueDeclare("forged", true, false, false, null));
        // its own exchange it may write
        publishConfirmed(marketplace.connection, "integrations." + marketplace.name + ".in", "");
    }

    @Test
    void aSellOutAndARestockReachEveryPartner() throws Exception {
        var kitchen = new Kitchen();
        String dough = kitchen.ingredient("Massa", 2 * GRAMS_PER_PIZZA);
        String pizza = kitchen.pizza("Fugazza", 3990, Map.of(dough, GRAMS_PER_PIZZA));

        Gateway.post("stock/ingredients/" + dough + "/movements", kitchen.admin, Json.createObjectBuilder()
                .add("type", "WASTE").add("quantity", 2 * GRAMS_PER_PIZZA).add("reason", "dropped").build()).expect(201);
        for (Partner partner : List.of(marketplace, pos)) {
            await("sold out, heard by " + partner.name).atMost(Duration.ofSeconds(30)).until(() ->
                    partner.availabilityOf(pizza).stream().anyMatch(e -> e.getBoolean("soldOut")));
        }
        Gateway.post("stock/ingredients/" + dough + "/movements", kitchen.admin, Json.createObjectBuilder()
                .add("type", "RESTOCK").add("quantity", 3 * GRAMS_PER_PIZZA).add("reason", "delivery").build()).expect(201);
        for (Partner partner : List.of(marketplace, pos)) {
            await("back, heard by " + partner.name).atMost(Duration.ofSeconds(30)).until(() -> {
                List<JsonObject> heard = partner.availabilityOf(pizza);
                JsonObject last = heard.isEmpty() ? null : heard.get(heard.size() - 1);
                return last != null && !last.getBoolean("soldOut") && last.getInt("available") == 3;
            });
            assertThat(partner.availabilityOf(pizza).get(0).getString("name")).startsWith("Fugazza");
        }
    }

    @Test
    void theExamplePartnerOrdersInPlainJmsAndHearsEveryDecision() throws Exception {
        String name = "st-demo-" + RUN;
        launcher("partner", "add", name);
        try {
            String demo = launcher("partner", "demo", name);
            assertThat(demo.lines().filter(line -> line.endsWith("is decided"))).hasSize(4);
            assertThat(demo).contains("OrderAccepted").contains("\"reason\":\"PRICE_MISMATCH\"")
                    .contains("\"reason\":\"CANCELLED_BY_CUSTOMER\"");
        } finally {
            launcher("partner", "remove", name);
        }
    }

    private static void send(Partner partner, String id, JsonObject body) {
        try {
            partner.send("PlaceOrder", id, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject placeOrder(String id, String pizza, jakarta.json.JsonObjectBuilder payment) {
        return Json.createObjectBuilder().add("partnerOrderId", id)
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("productId", pizza).add("quantity", 1)))
                .add("customer", Json.createObjectBuilder().add("name", "Cliente parceiro").add("phone", "(11) 4000-0000"))
                .add("deliveryAddress", Json.createObjectBuilder().add("street", "Rua Augusta").add("number", "500")
                        .add("district", "Consolação").add("city", "São Paulo").add("state", "SP").add("postalCode", "01305-000"))
                .add("payment", payment).build();
    }

    private static void publishConfirmed(Connection connection, String exchange, String routingKey) throws Exception {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder().type("CancelOrder").build(),
                "{\"partnerOrderId\":\"nobody\"}".getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5_000);
        channel.close();
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void assertRefused(Attempt attempt) {
        assertThatThrownBy(attempt::run).satisfies(failure -> {
            StringBuilder causes = new StringBuilder();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                causes.append(cause).append('\n');
            }
            assertThat(causes.toString()).contains("ACCESS_REFUSED");
        });
    }

    private static String launcher(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("pizzeria.launcher")));
        command.addAll(List.of(arguments));
        var errorsFile = Files.createTempFile(Stack.STATE.resolve("logs"), "partner-", ".err");
        Process process = new ProcessBuilder(command).redirectError(errorsFile.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(errorsFile);
        assertThat(process.exitValue()).as("bin/pizzeria %s: %s", String.join(" ", arguments), errors).isZero();
        return output;
    }
}
