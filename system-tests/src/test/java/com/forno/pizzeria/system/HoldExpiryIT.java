package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment service is down (killed) while an order waits for it: stock's hold expires, the saga gives the
 * order a final state (CANCELLED, EXPIRED) instead of leaving it hanging, and when payments returns nothing is
 * charged. The stack runs with a short hold (STOCK_RESERVATION_TTL_SECONDS) for this test.
 */
class HoldExpiryIT {

    @Test
    void anOrderWhosePaymentNeverComesExpiresAndIsNeverCharged() throws Exception {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", 5_000);
        String pizza = kitchen.pizza("Baiana", 5790, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Nadia");

        Stack.kill("payments");
        String id;
        try {
            id = Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, 1), 0).expect(201).json().getString("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> kitchen.ingredientNow(mozzarella)
                    .getJsonNumber("reserved").longValue() == 200);

            JsonObject expired = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Gateway.get("orders/" + id, customer.token()).json(),
                            order -> order.getString("status").equals("CANCELLED"));
            assertThat(expired.getString("reason")).isEqualTo("EXPIRED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kitchen.ledger(mozzarella).stream()
                    .map(line -> line.getString("type"))).containsSubsequence("RESERVE", "EXPIRE"));
            assertThat(kitchen.ingredientNow(mozzarella).getJsonNumber("reserved").longValue()).isZero();
        } finally {
            Stack.up();
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> Stack.ready("payments"));

        // payments catches up on the authorisation and the void it missed: the money never stays taken
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(OrderSagaIT.payments(id, customer.token())
                .stream().map(p -> p.asJsonObject().getString("status"))).isNotEmpty().doesNotContain("AUTHORIZED", "CAPTURED"));
        assertThat(Gateway.get("orders/" + id, customer.token()).json().getString("status")).isEqualTo("CANCELLED");
        kitchen.assertLedgerBalances(mozzarella);
    }
}
