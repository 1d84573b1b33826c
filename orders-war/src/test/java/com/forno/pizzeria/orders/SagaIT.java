package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of the saga, with stock and payments played by {@link Neighbours}. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SagaIT {

    @ArquillianResource
    URL base;

    Api api;
    Neighbours neighbours;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        neighbours = Neighbours.get();
    }

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
                .contains("ReserveStock", "AuthorizePayment", "CommitReservation", "CapturePayment",
                        "OrderCreated", "OrderConfirmed")
                .doesNotContain("ReleaseReservation", "VoidPayment"));
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

    static List<String> statuses(JsonObject order) {
        return order.getJsonArray("timeline").stream().map(step -> step.asJsonObject().getString("status")).toList();
    }

    static JsonObject status(String status) {
        return jakarta.json.Json.createObjectBuilder().add("status", status).build();
    }
}
