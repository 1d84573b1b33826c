package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.testing.ClientIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Many orders at once for the last few pizzas: the WAR consumes on 8 sessions (see the failsafe configuration), so
 * the reservations really race for the shared ingredient's row.
 */
class ConcurrencyIT extends ClientIT<Api> {

    static final int ORDERS = 40;
    static final int PIZZAS_IN_STOCK = 7;

    @Test
    void fortyOrdersForSevenPizzasReserveExactlySeven() throws Exception {
        Bus bus = Bus.get();
        String cheese = api.ingredient("MUCARELA", PIZZAS_IN_STOCK * 200L, 0, 0);
        String pepperoni = api.ingredient("PEPPERONI", 100_000, 0, 0);
        String olives = api.ingredient("AZEITONA", 100_000, 0, 0);
        UUID pepperoniPizza = UUID.fromString(api.product("Pepperoni", Api.recipe(cheese, 200, pepperoni, 80)));
        UUID olivePizza = UUID.fromString(api.product("Napolitana", Api.recipe(olives, 30, cheese, 200)));
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            UUID order = UUID.randomUUID();
            orders.add(order);
            bus.send(new ReserveStock(order, List.of(new ReserveStock.Line(i % 2 == 0 ? pepperoniPizza : olivePizza, 1))), order);
        }

        await("every order answered").atMost(Duration.ofSeconds(60))
                .until(() -> orders.stream().allMatch(order -> !bus.replies(order).isEmpty()));

        List<Object> answers = orders.stream().map(order -> Bus.payload(bus.replies(order).get(0))).toList();
        assertThat(answers).filteredOn(StockReserved.class::isInstance).hasSize(PIZZAS_IN_STOCK);
        assertThat(answers).filteredOn(StockRejected.class::isInstance).hasSize(ORDERS - PIZZAS_IN_STOCK)
                .allSatisfy(answer -> {
                    StockRejected rejected = (StockRejected) answer;
                    assertThat(rejected.reason()).isEqualTo("OUT_OF_STOCK");
                    assertThat(rejected.shortages()).containsExactly(new StockRejected.Shortage(cheese, 200, 0, "Ingredient " + cheese));
                });
        assertThat(orders).allSatisfy(order -> assertThat(bus.replies(order)).hasSize(1));
        assertThat(Db.movements(cheese, "RESERVE")).isEqualTo(PIZZAS_IN_STOCK);
        for (String sku : List.of(cheese, pepperoni, olives)) {
            Db.Balance balance = Db.balance(sku);
            assertThat(balance.onHand()).isGreaterThanOrEqualTo(balance.reserved());
            assertThat(balance.reserved()).isNotNegative();
            assertThat(balance.onHandFromLedger()).as("on hand of %s from its ledger", sku).isEqualTo(balance.onHand());
            assertThat(balance.reservedFromLedger()).as("reserved of %s from its ledger", sku).isEqualTo(balance.reserved());
        }
        assertThat(Db.movements(pepperoni, "RESERVE") + Db.movements(olives, "RESERVE")).isEqualTo(PIZZAS_IN_STOCK);
    }
}
