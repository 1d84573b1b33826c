package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every path of the order saga through the whole stack: orders, stock, payments, RabbitMQ, nginx. */
class OrderSagaIT {

    @Test
    void anApprovedOrderIsConfirmedWithItsIngredientsSoldAndItsPaymentCaptured() {
        var kitchen = new Kitchen();
        var margherita = kitchen.mozzarellaPizza("Margherita", 4990, 10_000);
        var customer = Gateway.newCustomer("Helena");

        JsonObject order = Kitchen.placed(customer.token(), "tok_approved", margherita.id(), 2, 10);

        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getJsonNumber("totalCents").longValue()).isEqualTo(9980);
        assertThat(Kitchen.timeline(order)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
        String id = order.getString("id");
        await().untilAsserted(() -> {
            assertThat(kitchen.quantityNow(margherita.mozzarella(), "onHand")).isEqualTo(10_000 - 400);
            assertThat(paymentStatuses(id, customer.token())).containsExactly("CAPTURED");
        });
        assertThat(kitchen.ledgerTypes(margherita.mozzarella())).containsSubsequence("RESERVE", "SALE");
        kitchen.assertLedgerBalances(margherita.mozzarella());
    }

    @Test
    void withoutStockTheOrderIsRejectedWithItsShortagesAndNothingIsCharged() {
        var kitchen = new Kitchen();
        var quatroQueijos = kitchen.mozzarellaPizza("Quatro Queijos", 6290, 300);
        var customer = Gateway.newCustomer("Igor");

        JsonObject order = Kitchen.placed(customer.token(), "tok_approved", quatroQueijos.id(), 2, 10);

        assertEnded(order, "REJECTED", "OUT_OF_STOCK");
        JsonObject shortage = order.getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo(quatroQueijos.mozzarella());
        assertThat(shortage.getInt("needed")).isEqualTo(400);
        assertThat(shortage.getInt("available")).isEqualTo(300);
        assertThat(paymentStatuses(order.getString("id"), customer.token())).isEmpty();
        assertThat(kitchen.quantityNow(quatroQueijos.mozzarella(), "onHand")).isEqualTo(300);
    }

    @Test
    void aDeclinedCardCancelsTheOrderAndTheLedgerShowsTheReserveAndTheRelease() {
        var kitchen = new Kitchen();
        var calabresa = kitchen.mozzarellaPizza("Calabresa", 5490, 5_000);
        var customer = Gateway.newCustomer("Julia");

        JsonObject order = Kitchen.placed(customer.token(), "tok_insufficient_funds", calabresa.id(), 1, 10);

        assertEnded(order, "CANCELLED", "PAYMENT_DECLINED");
        await().untilAsserted(() -> assertThat(kitchen.ledgerTypes(calabresa.mozzarella()))
                .containsSubsequence("RESERVE", "RELEASE"));
        assertThat(kitchen.quantityNow(calabresa.mozzarella(), "reserved")).isZero();
        assertThat(paymentStatuses(order.getString("id"), customer.token())).containsExactly("DECLINED");
        kitchen.assertLedgerBalances(calabresa.mozzarella());
    }

    @Test
    void aCustomerCancelAfterTheReservationReleasesTheStockAndVoidsThePayment() {
        var kitchen = new Kitchen();
        var portuguesa = kitchen.mozzarellaPizza("Portuguesa", 5890, 5_000);
        String mozzarella = portuguesa.mozzarella();
        var customer = Gateway.newCustomer("Kaio");
        // tok_slow keeps the payment pending long enough to cancel after the stock was reserved
        String id = Kitchen.placed(customer.token(), "tok_slow", portuguesa.id(), 1, 0).getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Gateway.get("orders/" + id, customer.token()).json()
                .getString("status"), status -> !status.equals("PENDING"));

        var cancel = Gateway.post("pedidos/" + id + "/cancel", customer.token(), Json.createObjectBuilder().build());

        if (cancel.status() == 200) {
            assertThat(cancel.json().getString("reason")).isEqualTo("CANCELLED_BY_CUSTOMER");
        } else {
            // the slow processor already declined it: cancelled all the same, never charged
            assertThat(Gateway.get("orders/" + id, customer.token()).json().getString("status")).isEqualTo("CANCELLED");
        }
        await().untilAsserted(() -> {
            assertThat(kitchen.quantityNow(mozzarella, "reserved")).isZero();
            assertThat(kitchen.ledgerTypes(mozzarella)).contains("RESERVE", "RELEASE");
            assertThat(paymentStatuses(id, customer.token())).doesNotContain("CAPTURED", "AUTHORIZED");
        });
        kitchen.assertLedgerBalances(mozzarella);
    }

    @Test
    void theKitchenTakesAConfirmedOrderToTheCustomersDoor() {
        var pizza = new Kitchen().mozzarellaPizza("Frango com Catupiry", 5990, 5_000);
        var customer = Gateway.newCustomer("Lara");
        String cook = cook();
        String id = Kitchen.placed(customer.token(), "tok_approved", pizza.id(), 1, 10).getString("id");

        for (String step : List.of("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            Gateway.post("orders/" + id + "/status", cook, Json.createObjectBuilder().add("status", step).build()).expect(200);
        }

        JsonObject delivered = Gateway.get("orders/" + id, customer.token()).expect(200).json();
        assertThat(Kitchen.timeline(delivered))
                .containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");
        Gateway.post("orders/" + id + "/cancel", customer.token(), Json.createObjectBuilder().build()).problem(409);
    }

    @Test
    void replayingAnOrderWithTheSameKeyGivesTheSameOrderAndAnotherBodyIsRefused() {
        var kitchen = new Kitchen();
        var napolitana = kitchen.mozzarellaPizza("Napolitana", 5590, 5_000);
        String pizza = napolitana.id();
        var customer = Gateway.newCustomer("Mateus");
        String key = java.util.UUID.randomUUID().toString();
        JsonObject body = Kitchen.order("tok_approved", pizza, 1);

        String first = postWithKey("orders", customer, key, body).expect(201).json().getString("id");
        String replay = postWithKey("pedidos", customer, key, body).expect(201).json().getString("id");
        var other = postWithKey("orders", customer, key, Kitchen.order("tok_approved", pizza, 2));

        assertThat(replay).isEqualTo(first);
        other.problem(422);
        Kitchen.decided(first, customer.token());
        // one sale: it reaches on_hand when stock settles it, a fraction of a second after the confirmation
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kitchen.quantityNow(napolitana.mozzarella(), "onHand")).isEqualTo(5_000 - 200));
    }

    static void assertEnded(JsonObject order, String status, String reason) {
        assertThat(order.getString("status")).isEqualTo(status);
        assertThat(order.getString("reason")).isEqualTo(reason);
    }

    static Gateway.Answer postWithKey(String path, Gateway.Customer customer, String idempotencyKey, JsonObject body) {
        return Gateway.answer(Gateway.at(path, customer.token()).header("Idempotency-Key", idempotencyKey)
                .post(jakarta.ws.rs.client.Entity.json(body.toString())));
    }

    static JsonArray payments(String orderId, String token) {
        return Gateway.get("payments?orderId=" + orderId, token).expect(200).value().asJsonArray();
    }

    /** The status of each payment of the order. */
    static List<String> paymentStatuses(String orderId, String token) {
        return payments(orderId, token).stream().map(payment -> payment.asJsonObject().getString("status")).toList();
    }

    static String cook() {
        var cook = Gateway.newCustomer("Cozinheira");
        Gateway.put("users/" + cook.id() + "/role", Gateway.admin(), Json.createObjectBuilder().add("role", "kitchen").build())
                .expect(200);
        return Gateway.signIn(cook.email(), Gateway.PASSWORD);
    }
}
