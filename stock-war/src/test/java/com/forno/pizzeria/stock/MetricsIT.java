package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.testing.ClientIT;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an operator's Prometheus scrapes: stock levels per ingredient and product, reservations by outcome. */
class MetricsIT extends ClientIT<Api> {

    @Test
    void stockLevelsAndReservationOutcomesAreGauged() throws Exception {
        String cheese = api.ingredient("MUCARELA", 1000, 900, 100);
        String id = api.product("Baiana", Api.recipe(cheese, 200));
        String name = api.menuItem(id).getString("name");
        double reservedBefore = metric("stock_reservations_total", "outcome=\"reserved\"").orElse(0.0);
        double readFailuresBefore = metric("stock_levels_read_failures_total", "").orElseThrow();
        UUID order = UUID.randomUUID();
        Bus.get().send(new ReserveStock(order, List.of(new ReserveStock.Line(UUID.fromString(id), 1))), order);
        assertThat(Bus.get().awaitReply(order)).isInstanceOf(StockReserved.class);

        await("gauges for the new ingredient and product").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metric("stock_ingredient_available", "sku=\"" + cheese + "\"")).contains(700.0);
            assertThat(metric("stock_ingredient_reserved", "sku=\"" + cheese + "\"")).contains(200.0);
            assertThat(metric("stock_ingredient_on_hand", "sku=\"" + cheese + "\"")).contains(1000.0);
            assertThat(metric("stock_ingredient_low", "sku=\"" + cheese + "\"")).contains(1.0);
            assertThat(metric("stock_product_available", "product=\"" + name + "\"")).contains(3.0);
            assertThat(metric("stock_product_sold_out", "product=\"" + name + "\"")).contains(0.0);
            assertThat(metric("stock_ingredients_low", "")).hasValueSatisfying(low -> assertThat(low).isPositive());
            assertThat(metric("stock_reservations_total", "outcome=\"reserved\"")).contains(reservedBefore + 1);
        });
        assertThat(metric("stock_reservations_rejected_total", "reason=\"OUT_OF_STOCK\"")).isPresent();
        // the gauges above were registered by the scheduled refresh, which reads the levels on its own thread: none
        // of its reads failed (they once all did, and the gauges only appeared from levels a scrape had just read)
        assertThat(metric("stock_levels_read_failures_total", "")).contains(readFailuresBefore);
    }

    Optional<Double> metric(String name, String label) {
        return api.metric(name, label);
    }
}
