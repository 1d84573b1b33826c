package com.forno.pizzeria.orders.ordering.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");
    static final List<Shortage> SHORT = List.of(new Shortage("MOZZARELLA", 400, 150, "Mozzarella"));

    static Order pending() {
        return new Order(UUID.randomUUID(), "key-1", "hash", List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 2, 5490)),
                null, "tok_approved", NOW, NOW.plusSeconds(20));
    }

    static Order confirmed() {
        Order order = pending();
        order.stockReserved(NOW.plusSeconds(600), NOW.plusSeconds(1), NOW.plusSeconds(30));
        order.confirm(NOW.plusSeconds(2));
        return order;
    }

    @Test
    void aConfirmedOrderWhoseStockWasLostIsCancelledOutOfStockWithItsShortagesAndKeepsItsDecisionTime() {
        Order order = confirmed();

        order.stockLostAfterConfirmation(SHORT, NOW.plusSeconds(60));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.reason()).isEqualTo(Reason.OUT_OF_STOCK);
        assertThat(order.shortages()).isEqualTo(SHORT);
        assertThat(order.decidedAt()).as("the saga decided it when it confirmed it").isEqualTo(NOW.plusSeconds(2));
        TimelineEntry last = order.timeline().get(order.timeline().size() - 1);
        assertThat(last.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(last.reason()).isEqualTo(Reason.OUT_OF_STOCK);
        assertThat(last.at()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void onlyAConfirmedOrderIsCancelledForStockLostAfterConfirmation() {
        Order pending = pending();
        Order preparing = confirmed();
        preparing.advance(OrderStatus.PREPARING, NOW.plusSeconds(30));
        Order cancelled = confirmed();
        cancelled.stockLostAfterConfirmation(SHORT, NOW.plusSeconds(60));

        for (Order order : List.of(pending, preparing, cancelled)) {
            OrderStatus before = order.status();
            int steps = order.timeline().size();
            assertThatThrownBy(() -> order.stockLostAfterConfirmation(SHORT, NOW.plusSeconds(90)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(order.status()).isEqualTo(before);
            assertThat(order.timeline()).hasSize(steps);
        }
    }
}
