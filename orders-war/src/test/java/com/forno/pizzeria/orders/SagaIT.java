package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every path of the saga, with stock and payments played by {@link Neighbours}. */
class SagaIT extends AmongNeighbours {

    @Test
    void anOrderIsConfirmedOnlyAfterItsStockIsHeldAndItsPaymentAuthorised() {
        var calabresa = neighbours.product("Calabresa", 5490);
        var guarana = neighbours.product("Guaraná", 790);
        var customer = Api.customer();

        JsonObject order = api.place(customer, "tok_approved", 10, calabresa.id(), guarana.id());

        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getJsonNumber("totalCents").longValue()).isEqualTo(2 * 5490 + 2 * 790);
        assertThat(order.getString("currency")).isEqualTo("BRL");
        assertThat(order.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("Calabresa");
        assertThat(statuses(order)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
        String id = order.getString("id");
        var authorization = neighbours.sent(id, MessageType.AUTHORIZE_PAYMENT).get(0).payloadAs(AuthorizePayment.class);
        assertThat(authorization.amountCents()).isEqualTo(2 * 5490 + 2 * 790);
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id))
                .contains("ReserveStock", "AuthorizePayment", "OrderCreated", "OrderConfirmed")
                .doesNotContain("ReleaseReservation", "VoidPayment", "CommitReservation", "CapturePayment"));
        // one confirmation is stock's commit and payments' capture: it reaches both command queues
        await().untilAsserted(() -> assertThat(neighbours.queuesReached(id, MessageType.ORDER_CONFIRMED))
                .containsExactlyInAnyOrder("stock.commands", "payments.commands", "events"));
    }

    @Test
    void withoutStockTheOrderIsRejectedWithItsShortagesAndNeverCharged() {
        var pizza = neighbours.product("Quatro Queijos", 6290);
        neighbours.shortProducts.add(pizza.id());

        JsonObject order = api.place(Api.customer(), "tok_approved", 10, pizza.id());

        String id = assertEnded(order, "REJECTED", "OUT_OF_STOCK");
        assertShortOfMozzarella(order);
        assertSent(id, List.of("OrderRejected"), "AuthorizePayment", "CapturePayment");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        assertCancelledOnceDecided(neighbours.product("Portuguesa", 5890), "tok_declined", "PAYMENT_DECLINED",
                "ReleaseReservation", "OrderCancelled");
    }

    @Test
    void withoutAnyAnswerFromStockTheOrderIsAskedAgainThenExpires() {
        var pizza = neighbours.product("Napolitana", 5590);
        neighbours.silentProducts.add(pizza.id());
        var customer = Api.customer();

        String id = api.place(customer, "tok_approved", 0, pizza.id()).getString("id");

        assertEnded(awaitCancelled(id, customer), "CANCELLED", "EXPIRED");
        assertThat(neighbours.sent(id, MessageType.RESERVE_STOCK)).hasSize(2); // first ask, one retry
        assertSent(id, List.of("ReleaseReservation"));
    }

    @Test
    void withoutAnyAnswerFromPaymentsTheOrderExpiresAndCompensates() {
        var pizza = neighbours.product("Frango com Catupiry", 5990);
        var customer = Api.customer();

        String id = api.place(customer, "tok_silent", 0, pizza.id()).getString("id");

        assertEnded(awaitCancelled(id, customer), "CANCELLED", "EXPIRED");
        assertThat(neighbours.sent(id, MessageType.AUTHORIZE_PAYMENT)).hasSize(2);
        assertSent(id, List.of("ReleaseReservation", "VoidPayment"));
    }

    @Test
    void aPaymentThatOutlivesTheStockHoldIsNotConfirmed() {
        var pizza = neighbours.product("Baiana", 5790);
        neighbours.briefHoldProducts.add(pizza.id());

        assertCancelledOnceDecided(pizza, "tok_approved", "EXPIRED", "VoidPayment", "ReleaseReservation");
    }

    @Test
    void aCustomerCancelWhileThePaymentIsPendingReleasesAndVoids() {
        var pizza = neighbours.product("Atum", 5690);
        var customer = Api.customer();
        String id = api.place(customer, "tok_silent", 0, pizza.id()).getString("id");
        await().until(() -> api.order(id, customer).getString("status"), s -> s.equals("AWAITING_PAYMENT"));

        JsonObject cancelled = api.cancel(id, customer).expect(200).json();

        assertEnded(cancelled, "CANCELLED", "CANCELLED_BY_CUSTOMER");
        assertSent(id, List.of("ReleaseReservation", "VoidPayment"));
    }

    @Test
    void theKitchenTakesAConfirmedOrderThroughToDeliveryInOrder() {
        var pizza = neighbours.product("Margherita", 4990);
        var customer = Api.customer();
        var kitchen = Api.kitchen();
        String id = api.place(customer, "tok_approved", 10, pizza.id()).getString("id");

        api.post("orders/" + id + "/status", kitchen, status("OUT_FOR_DELIVERY")).problem(409);
        api.post("orders/" + id + "/status", customer, status("PREPARING")).problem(403);
        for (String step : List.of("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            assertThat(api.post("orders/" + id + "/status", kitchen, status(step)).expect(200).json().getString("status"))
                    .isEqualTo(step);
        }

        assertThat(statuses(api.order(id, customer)))
                .containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
        api.cancel(id, Api.admin()).problem(409);
    }

    @Test
    void onlyAnAdminCancelsAConfirmedOrderAndTheMoneyGoesBack() {
        var pizza = neighbours.product("Pepperoni", 6190);
        var customer = Api.customer();
        String id = api.place(customer, "tok_approved", 10, pizza.id()).getString("id");

        api.cancel(id, customer).problem(409);
        JsonObject cancelled = api.cancel(id, Api.admin()).expect(200).json();

        assertThat(cancelled.getString("reason")).isEqualTo("CANCELLED_BY_ADMIN");
        assertSent(id, List.of("VoidPayment", "ReleaseReservation"));
    }

    /** A confirmed order, placed and decided through the API; returns its id. */
    String confirmedOrder(Api.Person customer, String pizza) {
        var product = neighbours.product(pizza, 5490);
        JsonObject order = api.place(customer, "tok_approved", 10, product.id());
        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        String id = order.getString("id");
        await().untilAsserted(() -> assertThat(Db.outbox(id)).contains("OrderConfirmed"));
        return id;
    }

    static final String LOST_COUNT = "orders_cancelled_after_confirmation_total";
    static final String DUPLICATES = "messages_duplicates_total";

    @Test
    void aConfirmedOrderWhoseStockWasLostIsCancelledOutOfStockAndItsMoneyGoesBack() throws Exception {
        var customer = Api.customer();
        String id = confirmedOrder(customer, "Calabresa Acebolada");
        UUID order = UUID.fromString(id);
        double cancelledBefore = api.metric(LOST_COUNT, "reason=\"OUT_OF_STOCK\"");
        var lost = new ReservationLost(order, "EXPIRED", List.of(new Shortage("MOZZARELLA", 400, 150, "Mozzarella")));

        UUID reply = neighbours.reply(order, lost, UUID.randomUUID());

        JsonObject cancelled = awaitCancelled(id, customer);
        assertEnded(cancelled, "CANCELLED", "OUT_OF_STOCK");
        assertShortOfMozzarella(cancelled);
        assertThat(statuses(cancelled)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "CANCELLED");
        JsonObject why = cancelled.getJsonArray("timeline").getJsonObject(3);
        assertThat(why.getString("reason")).as("the timeline says why").isEqualTo("OUT_OF_STOCK");
        assertThat(Db.applied(reply)).isTrue();
        assertThat(Db.outbox(id)).as("the money goes back and the world is told; nothing is held, nothing released")
                // the two of one transaction in either order (the outbox orders by commit time only)
                .containsSubsequence("OrderConfirmed", "VoidPayment")
                .containsSubsequence("OrderConfirmed", "OrderCancelled")
                .doesNotContain("ReleaseReservation");
        assertSent(id, List.of("VoidPayment", "OrderCancelled"));
        assertThat(neighbours.sent(id, MessageType.VOID_PAYMENT).get(0).payloadAs(VoidPayment.class).reason())
                .isEqualTo("OUT_OF_STOCK");
        assertThat(neighbours.sent(id, MessageType.ORDER_CANCELLED).get(0).payloadAs(OrderCancelled.class).reason())
                .isEqualTo("OUT_OF_STOCK");
        assertThat(api.metric(LOST_COUNT, "reason=\"OUT_OF_STOCK\"")).isEqualTo(cancelledBefore + 1);

        // the broker redelivers the very reply, and stock answers a repeated commit with a new one: one effect
        double duplicatesBefore = api.metric(DUPLICATES, "queue=\"orders.replies\"");
        neighbours.reply(order, lost, reply);
        UUID again = neighbours.reply(order, lost, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> Db.applied(again)
                && api.metric(DUPLICATES, "queue=\"orders.replies\"") > duplicatesBefore);
        assertThat(Db.outbox(id).stream().filter(type -> type.equals("VoidPayment"))).hasSize(1);
        assertThat(Db.outbox(id).stream().filter(type -> type.equals("OrderCancelled"))).hasSize(1);
        assertThat(statuses(api.order(id, customer))).hasSize(4);
        assertThat(api.metric(LOST_COUNT, "reason=\"OUT_OF_STOCK\"")).isEqualTo(cancelledBefore + 1);
    }

    @Test
    void anOrderTheKitchenAlreadyStartedIsKeptWhenItsStockWasLost() throws Exception {
        var customer = Api.customer();
        String id = confirmedOrder(customer, "Mussarela de Búfala");
        api.post("orders/" + id + "/status", Api.kitchen(), status("PREPARING")).expect(200);
        double keptBefore = api.metric("orders_stock_lost_kept_total", "status=\"PREPARING\"");
        double cancelledBefore = api.metric(LOST_COUNT, "reason=\"OUT_OF_STOCK\"");
        List<String> sentBefore = Db.outbox(id);

        UUID reply = neighbours.reply(UUID.fromString(id),
                new ReservationLost(UUID.fromString(id), "EXPIRED", List.of(new Shortage("MOZZARELLA", 400, 0, "Mozzarella"))),
                UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> Db.applied(reply));
        JsonObject order = api.order(id, customer);
        assertThat(order.getString("status")).as("the food exists").isEqualTo("PREPARING");
        assertThat(order.get("reason")).isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(Db.outbox(id)).as("no void, no cancellation").isEqualTo(sentBefore);
        assertThat(api.metric("orders_stock_lost_kept_total", "status=\"PREPARING\"")).isEqualTo(keptBefore + 1);
        assertThat(api.metric(LOST_COUNT, "reason=\"OUT_OF_STOCK\"")).as("not cancelled").isEqualTo(cancelledBefore);
    }

    /**
     * Placed with a wait for the decision, the order comes back CANCELLED for {@code reason}: {@code givenBack} go
     * out, and nothing is committed or captured.
     */
    void assertCancelledOnceDecided(Neighbours.Product pizza, String cardToken, String reason, String... givenBack) {
        String id = assertEnded(api.place(Api.customer(), cardToken, 10, pizza.id()), "CANCELLED", reason);
        assertSent(id, List.of(givenBack), "CommitReservation", "CapturePayment");
    }

    /** The order ended in {@code status} for {@code reason}; returns its id. */
    static String assertEnded(JsonObject order, String status, String reason) {
        assertThat(order.getString("status")).isEqualTo(status);
        assertThat(order.getString("reason")).isEqualTo(reason);
        return order.getString("id");
    }

    static void assertShortOfMozzarella(JsonObject order) {
        JsonObject shortage = order.getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo("MOZZARELLA");
        assertThat(shortage.getInt("needed")).isEqualTo(400);
        assertThat(shortage.getInt("available")).isEqualTo(150);
    }

    /** The order as its customer reads it once it is CANCELLED (within 30 s: the sweeper may have to give up first). */
    JsonObject awaitCancelled(String id, Api.Person customer) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> api.order(id, customer), order -> order.getString("status").equals("CANCELLED"));
    }

    /** Waits until all of {@code sent} went out about the order; by then none of {@code never} has. */
    void assertSent(String id, List<String> sent, String... never) {
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).containsAll(sent));
        if (never.length > 0) {
            assertThat(neighbours.sentTypes(id)).doesNotContain(never);
        }
    }

    static List<String> statuses(JsonObject order) {
        return order.getJsonArray("timeline").stream().map(step -> step.asJsonObject().getString("status")).toList();
    }

    static JsonObject status(String status) {
        return jakarta.json.Json.createObjectBuilder().add("status", status).build();
    }
}
