package com.forno.pizzeria.orders.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.orders.OrderRejected;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderSummaryTest {

    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final UUID ORDER = UUID.randomUUID();
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID MARGHERITA = UUID.randomUUID();
    static final UUID GUARANA = UUID.randomUUID();
    static final List<OrderLine> LINES = List.of(new OrderLine(MARGHERITA, "Margherita", 2, 4990),
            new OrderLine(GUARANA, "Guaraná", 1, 790));
    /** 23:30 on 7 December in São Paulo, already the 8th in UTC. */
    static final Instant LATE = Instant.parse("2026-12-08T02:30:00Z");
    static final LocalDate LOCAL_DAY = LocalDate.of(2026, 12, 7);

    static List<Record> soldThenCancelledByAdmin() {
        return List.of(
                new OrderCreated(ORDER, CUSTOMER, LINES, 10_770, LATE, null, null, null),
                new OrderStatusChanged(ORDER, CUSTOMER, "AWAITING_PAYMENT", LATE.plusSeconds(1), 1),
                new OrderConfirmed(ORDER, CUSTOMER, LINES, 10_770, LATE.plusSeconds(2), 2),
                new OrderCancelled(ORDER, CUSTOMER, "CANCELLED_BY_ADMIN", LATE.plusSeconds(60), 3, null, null));
    }

    static OrderSummary merged(List<Record> events) {
        OrderSummary summary = new OrderSummary(ORDER);
        events.forEach(summary::merge);
        return summary;
    }

    @Test
    void aConfirmedOrderIsASaleOfItsLocalDayWithItsProductsAndAnApprovedPayment() {
        OrderSummary summary = merged(soldThenCancelledByAdmin().subList(0, 3));

        assertThat(summary.status()).isEqualTo("CONFIRMED");
        assertThat(summary.tallies(SAO_PAULO)).containsExactlyInAnyOrder(
                new Tally.Sale(LOCAL_DAY, 3, 10_770),
                new Tally.ProductSale(LOCAL_DAY, MARGHERITA, "Margherita", 2, 9_980),
                new Tally.ProductSale(LOCAL_DAY, GUARANA, "Guaraná", 1, 790),
                new Tally.PaymentOutcome(Instant.parse("2026-12-08T02:00:00Z"), "APPROVED", ""));
        // the same instant is the 8th for a pizzeria in UTC
        assertThat(summary.tallies(ZoneId.of("UTC"))).contains(new Tally.Sale(LOCAL_DAY.plusDays(1), 3, 10_770));
    }

    @Test
    void aSaleCancelledAfterwardsIsNoLongerASaleButItsPaymentWasApproved() {
        OrderSummary summary = merged(soldThenCancelledByAdmin());

        assertThat(summary.status()).isEqualTo("CANCELLED");
        assertThat(summary.reason()).isEqualTo("CANCELLED_BY_ADMIN");
        assertThat(summary.tallies(SAO_PAULO)).containsExactlyInAnyOrder(
                new Tally.PaymentOutcome(Instant.parse("2026-12-08T02:00:00Z"), "APPROVED", ""),
                new Tally.Rejection(LOCAL_DAY, "CANCELLED_BY_ADMIN"));
    }

    @Test
    void eventsInAnyOrderAndAnyNumberOfTimesEndInTheSameSummary() {
        List<Record> events = soldThenCancelledByAdmin();
        OrderSummary inOrder = merged(events);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            List<Record> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size()))); // some come twice
            Collections.shuffle(shuffled, random);

            OrderSummary other = merged(shuffled);

            assertThat(other.status()).isEqualTo(inOrder.status());
            assertThat(other.reason()).isEqualTo(inOrder.reason());
            assertThat(other.timeline()).isEqualTo(inOrder.timeline());
            assertThat(other.items()).isEqualTo(inOrder.items());
            assertThat(other.createdAt()).isEqualTo(inOrder.createdAt());
            assertThat(other.tallies(SAO_PAULO)).containsExactlyInAnyOrderElementsOf(inOrder.tallies(SAO_PAULO));
        }
    }

    @Test
    void aStatusChangeBeforeTheCreationItFollowsKeepsTheLaterStatus() {
        OrderSummary summary = merged(List.of(
                new OrderStatusChanged(ORDER, CUSTOMER, "AWAITING_PAYMENT", LATE.plusSeconds(1), 1),
                new OrderCreated(ORDER, CUSTOMER, LINES, 10_770, LATE, null, null, null)));

        assertThat(summary.status()).isEqualTo("AWAITING_PAYMENT");
        assertThat(summary.createdAt()).isEqualTo(LATE);
        assertThat(summary.timeline()).extracting(OrderSummary.Step::status)
                .containsExactly("PENDING", "AWAITING_PAYMENT");
        assertThat(summary.tallies(SAO_PAULO)).isEmpty();
    }

    @Test
    void aDeclinesReasonOnceKnownIsKeptWhateverCopyOfTheEventComesLast() {
        OrderSummary summary = merged(List.of(
                new OrderCancelled(ORDER, CUSTOMER, "PAYMENT_DECLINED", LATE, 2, "DECLINED", null),
                new OrderCancelled(ORDER, CUSTOMER, "PAYMENT_DECLINED", LATE, 2, null, null)));

        assertThat(summary.tallies(SAO_PAULO)).contains(
                new Tally.PaymentOutcome(Instant.parse("2026-12-08T02:00:00Z"), "DECLINED", "DECLINED"));
    }

    @Test
    void aRejectionCountsItsReasonAndEveryMissingIngredientOnce() {
        var shortages = List.of(new Shortage("MUCARELA", 400, 150, "Muçarela"), new Shortage("MASSA", 2, 0, "Massa"));
        OrderSummary summary = merged(List.of(
                new OrderCreated(ORDER, CUSTOMER, LINES, 10_770, LATE, null, null, null),
                new OrderRejected(ORDER, CUSTOMER, "OUT_OF_STOCK", shortages, LATE.plusSeconds(1), 1)));

        assertThat(summary.tallies(SAO_PAULO)).containsExactlyInAnyOrder(
                new Tally.Rejection(LOCAL_DAY, "OUT_OF_STOCK"),
                new Tally.Missing(LOCAL_DAY, "MUCARELA", "Muçarela"),
                new Tally.Missing(LOCAL_DAY, "MASSA", "Massa"));
    }

    @Test
    void aDeclinedPaymentCountsWithTheProcessorsReason() {
        OrderSummary summary = merged(List.of(
                new OrderCreated(ORDER, CUSTOMER, LINES, 10_770, LATE, null, null, null),
                new OrderStatusChanged(ORDER, CUSTOMER, "AWAITING_PAYMENT", LATE.plusSeconds(1), 1),
                new OrderCancelled(ORDER, CUSTOMER, "PAYMENT_DECLINED", LATE.plusSeconds(2), 2,
                        "INSUFFICIENT_FUNDS", null)));

        assertThat(summary.tallies(SAO_PAULO)).containsExactlyInAnyOrder(
                new Tally.PaymentOutcome(Instant.parse("2026-12-08T02:00:00Z"), "DECLINED", "INSUFFICIENT_FUNDS"),
                new Tally.Rejection(LOCAL_DAY, "PAYMENT_DECLINED"));
    }
}
