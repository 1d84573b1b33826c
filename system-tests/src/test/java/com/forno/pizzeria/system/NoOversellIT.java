package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The pizzeria's promise under load: 120 concurrent orders through nginx, two orders and two stock instances,
 * pizzas that share mozzarella, and mozzarella for exactly 50 pizzas. Never more than 50 confirmed.
 */
class NoOversellIT {

    private static final long GRAMS_PER_PIZZA = 200;
    private static final int PIZZAS_IN_STOCK = 50;

    record Placed(String id, String token, int quantity) {
    }

    @Test
    void aHundredAndTwentyConcurrentOrdersNeverConfirmMoreThanTheStockAllows() throws Exception {
        var kitchen = new Kitchen();
        String mozzarella = kitchen.ingredient("Mozzarella", PIZZAS_IN_STOCK * GRAMS_PER_PIZZA);
        String sauce = kitchen.ingredient("Molho", 1_000_000);
        List<String> pizzas = List.of(
                kitchen.pizza("Margherita", 4990, Map.of(mozzarella, GRAMS_PER_PIZZA, sauce, 100L)),
                kitchen.pizza("Calabresa", 5490, Map.of(mozzarella, GRAMS_PER_PIZZA, sauce, 100L)),
                kitchen.pizza("Quatro Queijos", 6290, Map.of(mozzarella, GRAMS_PER_PIZZA, sauce, 80L)));
        List<Gateway.Customer> customers = Gateway.newCustomers("Cliente", 8);

        Random random = new Random(42);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<CompletableFuture<Placed>> placing = new ArrayList<>();
        try {
            for (int i = 0; i < 120; i++) {
                var customer = customers.get(i % customers.size());
                String pizza = pizzas.get(random.nextInt(pizzas.size()));
                int quantity = 1 + random.nextInt(3);
                placing.add(CompletableFuture.supplyAsync(() -> new Placed(
                        Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, quantity), 10)
                                .expect(201).json().getString("id"), customer.token(), quantity), pool));
            }
            List<Placed> placed = placing.stream().map(CompletableFuture::join).toList();

            long confirmedUnits = 0;
            boolean aSingleUnitWasRefused = false;
            for (Placed order : placed) {
                JsonObject decided = Kitchen.decided(order.id(), order.token());
                switch (decided.getString("status")) {
                    case "CONFIRMED" -> confirmedUnits += order.quantity();
                    case "REJECTED" -> {
                        assertThat(decided.getString("reason")).isEqualTo("OUT_OF_STOCK");
                        assertThat(OrderSagaIT.paymentStatuses(order.id(), order.token()))
                                .as("a rejected order is never charged").isEmpty();
                        aSingleUnitWasRefused |= order.quantity() == 1;
                    }
                    default -> throw new AssertionError("unexpected outcome " + decided);
                }
            }

            assertThat(confirmedUnits).as("pizzas confirmed").isPositive().isLessThanOrEqualTo(PIZZAS_IN_STOCK);
            if (aSingleUnitWasRefused) {
                // a one-pizza order was refused, so less than one pizza's mozzarella was free: all 50 were sold
                assertThat(confirmedUnits).isEqualTo(PIZZAS_IN_STOCK);
            }
            long sold = confirmedUnits;
            // the sales reach on_hand when stock settles them, a fraction of a second after each commit
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonObject left = kitchen.ingredientNow(mozzarella);
                assertThat(left.getJsonNumber("onHand").longValue())
                        .isEqualTo(PIZZAS_IN_STOCK * GRAMS_PER_PIZZA - sold * GRAMS_PER_PIZZA);
                assertThat(left.getJsonNumber("reserved").longValue()).isZero();
            });
            kitchen.assertLedgerBalances(mozzarella);
            kitchen.assertLedgerBalances(sauce);
        } finally {
            pool.shutdownNow();
        }
    }
}
