package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
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
        var baiana = kitchen.mozzarellaPizza("Baiana", 5790, 5_000);
        String mozzarella = baiana.mozzarella();
        var customer = Gateway.newCustomer("Nadia");

        Stack.kill("payments");
        String id;
        try {
            id = Kitchen.placed(customer.token(), "tok_approved", baiana.id(), 1, 0).getString("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> kitchen.quantityNow(mozzarella, "reserved") == 200);

            JsonObject expired = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Gateway.get("orders/" + id, customer.token()).json(),
                            order -> order.getString("status").equals("CANCELLED"));
            assertThat(expired.getString("reason")).isEqualTo("EXPIRED");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kitchen.ledgerTypes(mozzarella))
                    .containsSubsequence("RESERVE", "EXPIRE"));
            assertThat(kitchen.quantityNow(mozzarella, "reserved")).isZero();
        } finally {
            Stack.up();
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> Stack.ready("payments"));

        // payments catches up on the authorisation and the void it missed: the money never stays taken
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(OrderSagaIT.paymentStatuses(id, customer.token())).isNotEmpty()
                        .doesNotContain("AUTHORIZED", "CAPTURED"));
        assertThat(Gateway.get("orders/" + id, customer.token()).json().getString("status")).isEqualTo("CANCELLED");
        kitchen.assertLedgerBalances(mozzarella);
    }
}
