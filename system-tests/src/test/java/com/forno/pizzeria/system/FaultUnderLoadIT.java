package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A stock instance is killed (kill -9) in the middle of a stream of orders and started again: every order still
 * reaches a final state, no order is reserved twice, and the ledger balances.
 */
class FaultUnderLoadIT {

    @Test
    void killingAStockInstanceMidStreamLosesNoOrderAndReservesNothingTwice() throws Exception {
        var kitchen = new Kitchen();
        var toscana = kitchen.mozzarellaPizza("Toscana", 5590, 1_000_000);
        List<Gateway.Customer> customers = Gateway.newCustomers("Stream", 4);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String[]>> stream = new ArrayList<>();
        try {
            for (int i = 0; i < 120; i++) {
                stream.add(Kitchen.placeOneLater(customers.get(i % customers.size()), toscana.id(), pool));
                if (i == 40) {
                    Stack.kill("stock-1");
                }
            }
            List<String[]> placed = stream.stream().map(CompletableFuture::join).toList();
            Stack.up();
            await().atMost(Duration.ofMinutes(3)).until(() -> Stack.ready("stock-1"));

            Map<String, Integer> outcomes = new HashMap<>();
            for (String[] order : placed) {
                JsonObject decided = Kitchen.decided(order[0], order[1]);
                outcomes.merge(decided.getString("status"), 1, Integer::sum);
            }
            assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(120);
            long confirmed = outcomes.getOrDefault("CONFIRMED", 0);

            List<JsonObject> ledger = kitchen.ledger(toscana.mozzarella());
            // one hold per order at a time: a second only after the first expired (under this stack's 15-second
            // hold, a confirmation that came after the hold is held again, "held again for a confirmation that
            // came after the hold expired"; an order whose hold expired and was not confirmed has none left)
            Map<String, Long> holds = new HashMap<>();
            Map<String, Long> expiries = new HashMap<>();
            ledger.forEach(line -> {
                switch (line.getString("type")) {
                    case "RESERVE" -> holds.merge(line.getString("orderId"), 1L, Long::sum);
                    case "EXPIRE" -> expiries.merge(line.getString("orderId"), 1L, Long::sum);
                    default -> { }
                }
            });
            assertThat(holds).as("holds per order").allSatisfy((order, count) ->
                    assertThat(count - expiries.getOrDefault(order, 0L)).as("%s: holds less expiries", order).isBetween(0L, 1L));
            assertThat(expiries.keySet()).as("only what was held expires").isSubsetOf(holds.keySet());
            // the sales reach on_hand when stock settles them, a fraction of a second after each commit
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonObject left = kitchen.ingredientNow(toscana.mozzarella());
                assertThat(left.getJsonNumber("reserved").longValue()).isZero();
                assertThat(left.getJsonNumber("onHand").longValue()).isEqualTo(1_000_000 - confirmed * 200);
            });
            kitchen.assertLedgerBalances(toscana.mozzarella());
        } finally {
            pool.shutdownNow();
            if (!Stack.ready("stock-1")) {
                Stack.up();
            }
        }
    }
}
