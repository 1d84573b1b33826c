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

        JsonObject order = api.order(customer, Api.key(), Api.orderOf("tok_approved", calabresa.id(), guarana.id()), 10)
                .expect(201).json();

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

        JsonObject order = api.order(Api.customer(), Api.key(), Api.orderOf("tok_approved", pizza.id()), 10)
                .expect(201).json();

        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(order.getString("reason")).isEqualTo("OUT_OF_STOCK");
        JsonObject shortage = order.getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo("MOZZARELLA");
        assertThat(shortage.getInt("needed")).isEqualTo(400);
        assertThat(shortage.getInt("available")).isEqualTo(150);
        String id = order.getString("id");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("OrderRejected"));
        assertThat(neighbours.sentTypes(id)).doesNotContain("AuthorizePayment", "CapturePayment");
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock() {
        var pizza = neighbours.product("Portuguesa", 5890);

        JsonObject order = api.order(Api.customer(), Api.key(), Api.orderOf("tok_declined", pizza.id()), 10)
                .expect(201).json();

        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(order.getString("reason")).isEqualTo("PAYMENT_DECLINED");
        String id = order.getString("id");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("ReleaseReservation", "OrderCancelled"));
        assertThat(neighbours.sentTypes(id)).doesNotContain("CommitReservation", "CapturePayment");
    }

    @Test
    void withoutAnyAnswerFromStockTheOrderIsAskedAgainThenExpires() {
        var pizza = neighbours.product("Napolitana", 5590);
        neighbours.silentProducts.add(pizza.id());
        var customer = Api.customer();

        String id = api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201).json()
                .getString("id");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.order(id, customer).getString("status"), status -> status.equals("CANCELLED"));
        JsonObject order = api.order(id, customer);
        assertThat(order.getString("reason")).isEqualTo("EXPIRED");
        assertThat(neighbours.sent(id, MessageType.RESERVE_STOCK)).hasSize(2); // first ask, one retry
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("ReleaseReservation"));
    }

    @Test
    void withoutAnyAnswerFromPaymentsTheOrderExpiresAndCompensates() {
        var pizza = neighbours.product("Frango com Catupiry", 5990);
        var customer = Api.customer();

        String id = api.order(customer, Api.key(), Api.orderOf("tok_silent", pizza.id()), 0).expect(201).json()
                .getString("id");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.order(id, customer).getString("status"), status -> status.equals("CANCELLED"));
        assertThat(api.order(id, customer).getString("reason")).isEqualTo("EXPIRED");
        assertThat(neighbours.sent(id, MessageType.AUTHORIZE_PAYMENT)).hasSize(2);
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("ReleaseReservation", "VoidPayment"));
    }

    @Test
    void aPaymentThatOutlivesTheStockHoldIsNotConfirmed() {
        var pizza = neighbours.product("Baiana", 5790);
        neighbours.briefHoldProducts.add(pizza.id());

        JsonObject order = api.order(Api.customer(), Api.key(), Api.orderOf("tok_approved", pizza.id()), 10)
                .expect(201).json();

        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(order.getString("reason")).isEqualTo("EXPIRED");
        String id = order.getString("id");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("VoidPayment", "ReleaseReservation"));
        assertThat(neighbours.sentTypes(id)).doesNotContain("CommitReservation", "CapturePayment");
    }

    @Test
    void aCustomerCancelWhileThePaymentIsPendingReleasesAndVoids() {
        var pizza = neighbours.product("Atum", 5690);
        var customer = Api.customer();
        String id = api.order(customer, Api.key(), Api.orderOf("tok_silent", pizza.id()), 0).expect(201).json()
                .getString("id");
        await().until(() -> api.order(id, customer).getString("status"), s -> s.equals("AWAITING_PAYMENT"));

        JsonObject cancelled = api.post("orders/" + id + "/cancel", customer, jakarta.json.Json.createObjectBuilder().build())
                .expect(200).json();

        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("reason")).isEqualTo("CANCELLED_BY_CUSTOMER");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("ReleaseReservation", "VoidPayment"));
    }

    @Test
    void theKitchenTakesAConfirmedOrderThroughToDeliveryInOrder() {
        var pizza = neighbours.product("Margherita", 4990);
        var customer = Api.customer();
        var kitchen = Api.kitchen();
        String id = api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 10).expect(201).json()
                .getString("id");

        api.post("orders/" + id + "/status", kitchen, status("OUT_FOR_DELIVERY")).problem(409);
        api.post("orders/" + id + "/status", customer, status("PREPARING")).problem(403);
        for (String step : List.of("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            assertThat(api.post("orders/" + id + "/status", kitchen, status(step)).expect(200).json().getString("status"))
                    .isEqualTo(step);
        }

        assertThat(statuses(api.order(id, customer)))
                .containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
        api.post("orders/" + id + "/cancel", Api.admin(), jakarta.json.Json.createObjectBuilder().build()).problem(409);
    }

    @Test
    void onlyAnAdminCancelsAConfirmedOrderAndTheMoneyGoesBack() {
        var pizza = neighbours.product("Pepperoni", 6190);
        var customer = Api.customer();
        String id = api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 10).expect(201).json()
                .getString("id");

        api.post("orders/" + id + "/cancel", customer, jakarta.json.Json.createObjectBuilder().build()).problem(409);
        JsonObject cancelled = api.post("orders/" + id + "/cancel", Api.admin(),
                jakarta.json.Json.createObjectBuilder().build()).expect(200).json();

        assertThat(cancelled.getString("reason")).isEqualTo("CANCELLED_BY_ADMIN");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("VoidPayment", "ReleaseReservation"));
    }

    /** A confirmed order, placed and decided through the API; returns its id. */
    String confirmedOrder(Api.Person customer, String pizza) {
        var product = neighbours.product(pizza, 5490);
        JsonObject order = api.order(customer, Api.key(), Api.orderOf("tok_approved", product.id()), 10).expect(201).json();
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

        JsonObject cancelled = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.order(id, customer), o -> o.getString("status").equals("CANCELLED"));
        assertThat(cancelled.getString("reason")).isEqualTo("OUT_OF_STOCK");
        JsonObject shortage = cancelled.getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo("MOZZARELLA");
        assertThat(shortage.getInt("needed")).isEqualTo(400);
        assertThat(shortage.getInt("available")).isEqualTo(150);
        assertThat(statuses(cancelled)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "CANCELLED");
        JsonObject why = cancelled.getJsonArray("timeline").getJsonObject(3);
        assertThat(why.getString("reason")).as("the timeline says why").isEqualTo("OUT_OF_STOCK");
        assertThat(Db.applied(reply)).isTrue();
        assertThat(Db.outbox(id)).as("the money goes back and the world is told; nothing is held, nothing released")
                // the two of one transaction in either order (the outbox orders by commit time only)
                .containsSubsequence("OrderConfirmed", "VoidPayment")
                .containsSubsequence("OrderConfirmed", "OrderCancelled")
                .doesNotContain("ReleaseReservation");
        await().untilAsserted(() -> assertThat(neighbours.sentTypes(id)).contains("VoidPayment", "OrderCancelled"));
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

    static List<String> statuses(JsonObject order) {
        return order.getJsonArray("timeline").stream().map(step -> step.asJsonObject().getString("status")).toList();
    }

    static JsonObject status(String status) {
        return jakarta.json.Json.createObjectBuilder().add("status", status).build();
    }
}
