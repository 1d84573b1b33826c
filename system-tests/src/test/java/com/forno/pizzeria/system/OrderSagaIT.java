package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every path of the order saga through the whole stack: orders, stock, payments, RabbitMQ, nginx. */
class OrderSagaIT {

    @Test
    void anApprovedOrderIsConfirmedWithItsIngredientsSoldAndItsPaymentCaptured() {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 10_000);
        String pizza = kitchen.pizza("Margherita", 4990, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Helena");

        JsonObject order = Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, 2), 10).expect(201).json();

        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
        assertThat(order.getJsonNumber("totalCents").longValue()).isEqualTo(9980);
        assertThat(Kitchen.timeline(order)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
        String id = order.getString("id");
        await().untilAsserted(() -> {
            assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("onHand").longValue()).isEqualTo(10_000 - 400);
            assertThat(payments(id, customer.token())).singleElement()
                    .satisfies(p -> assertThat(p.asJsonObject().getString("status")).isEqualTo("CAPTURED"));
        });
        assertThat(kitchen.ledger(mozzarella).stream().map(l -> l.getString("type")))
                .containsSubsequence("RESERVE", "SALE");
        kitchen.assertLedgerBalances(mozzarella);
    }

    @Test
    void withoutStockTheOrderIsRejectedWithItsShortagesAndNothingIsCharged() {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 300);
        String pizza = kitchen.pizza("Quatro Queijos", 6290, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Igor");

        JsonObject order = Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, 2), 10).expect(201).json();

        assertThat(order.getString("status")).isEqualTo("REJECTED");
        assertThat(order.getString("reason")).isEqualTo("OUT_OF_STOCK");
        JsonObject shortage = order.getJsonArray("shortages").getJsonObject(0);
        assertThat(shortage.getString("sku")).isEqualTo(mozzarella);
        assertThat(shortage.getInt("needed")).isEqualTo(400);
        assertThat(shortage.getInt("available")).isEqualTo(300);
        assertThat(payments(order.getString("id"), customer.token())).isEmpty();
        assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("onHand").longValue()).isEqualTo(300);
    }

    @Test
    void aDeclinedCardCancelsTheOrderAndTheLedgerShowsTheReserveAndTheRelease() {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 5_000);
        String pizza = kitchen.pizza("Calabresa", 5490, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Julia");

        JsonObject order = Kitchen.place(customer.token(), Kitchen.order("tok_insufficient_funds", pizza, 1), 10)
                .expect(201).json();

        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(order.getString("reason")).isEqualTo("PAYMENT_DECLINED");
        await().untilAsserted(() -> assertThat(kitchen.ledger(mozzarella).stream().map(l -> l.getString("type")))
                .containsSubsequence("RESERVE", "RELEASE"));
        assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("reserved").longValue()).isZero();
        assertThat(payments(order.getString("id"), customer.token())).singleElement()
                .satisfies(p -> assertThat(p.asJsonObject().getString("status")).isEqualTo("DECLINED"));
        kitchen.assertLedgerBalances(mozzarella);
    }

    @Test
    void aCustomerCancelAfterTheReservationReleasesTheStockAndVoidsThePayment() {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 5_000);
        String pizza = kitchen.pizza("Portuguesa", 5890, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Kaio");
        // tok_slow keeps the payment pending long enough to cancel after the stock was reserved
        String id = Kitchen.place(customer.token(), Kitchen.order("tok_slow", pizza, 1), 0).expect(201).json().getString("id");
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
            assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("reserved").longValue()).isZero();
            assertThat(kitchen.ledger(mozzarella).stream().map(l -> l.getString("type"))).contains("RESERVE", "RELEASE");
            assertThat(payments(id, customer.token()).stream().map(p -> p.asJsonObject().getString("status")))
                    .doesNotContain("CAPTURED", "AUTHORIZED");
        });
        kitchen.assertLedgerBalances(mozzarella);
    }

    @Test
    void theKitchenTakesAConfirmedOrderToTheCustomersDoor() {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 5_000);
        String pizza = kitchen.pizza("Frango com Catupiry", 5990, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Lara");
        String cook = cook();
        String id = Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, 1), 10).expect(201).json().getString("id");

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
        String mozzarella = kitchen.ingredient("Mozzarella", 5_000);
        String pizza = kitchen.pizza("Napolitana", 5590, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Mateus");
        String key = java.util.UUID.randomUUID().toString();
        JsonObject body = Kitchen.order("tok_approved", pizza, 1);

        String first = Gateway.answer(Gateway.at("orders", customer.token()).header("Idempotency-Key", key)
                .post(jakarta.ws.rs.client.Entity.json(body.toString()))).expect(201).json().getString("id");
        String replay = Gateway.answer(Gateway.at("pedidos", customer.token()).header("Idempotency-Key", key)
                .post(jakarta.ws.rs.client.Entity.json(body.toString()))).expect(201).json().getString("id");
        var other = Gateway.answer(Gateway.at("orders", customer.token()).header("Idempotency-Key", key)
                .post(jakarta.ws.rs.client.Entity.json(Kitchen.order("tok_approved", pizza, 2).toString())));

        assertThat(replay).isEqualTo(first);
        other.problem(422);
        Kitchen.decided(first, customer.token());
        // one sale: it reaches on_hand when stock settles it, a fraction of a second after the confirmation
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("onHand").longValue()).isEqualTo(5_000 - 200));
    }

    static JsonArray payments(String orderId, String token) {
        return Gateway.get("payments?orderId=" + orderId, token).expect(200).value().asJsonArray();
    }

    static String cook() {
        var cook = Gateway.newCustomer("Cozinheira");
        Gateway.put("users/" + cook.id() + "/role", Gateway.admin(), Json.createObjectBuilder().add("role", "kitchen").build())
                .expect(200);
        return Gateway.signIn(cook.email(), Gateway.PASSWORD);
    }
}
