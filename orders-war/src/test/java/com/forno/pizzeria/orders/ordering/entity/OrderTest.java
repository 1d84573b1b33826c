package com.forno.pizzeria.orders.ordering.entity;

import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.AWAITING_PAYMENT;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.CANCELLED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.CONFIRMED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.DELIVERED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.OUT_FOR_DELIVERY;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.PENDING;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.PREPARING;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.orders.EveryPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTest {

    static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");
    static final Instant LATER = NOW.plusSeconds(300);
    static final List<Shortage> SHORT = List.of(new Shortage("MOZZARELLA", 400, 150, "Mozzarella"));

    static Order pending() {
        return new Order(UUID.randomUUID(), "key-1", "hash", List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 2, 5490)),
                null, "tok_approved", NOW, NOW.plusSeconds(20));
    }

    static Order prepaid() {
        return Order.fromPartner("pizza-app", UUID.randomUUID(), "P-1", "hash",
                List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 1, 5490)), null, "Ana", "+5511987654321", true,
                "tok_ignored", NOW, NOW.plusSeconds(20));
    }

    static Order awaitingPayment() {
        Order order = pending();
        order.stockReserved(NOW.plusSeconds(600), NOW.plusSeconds(1), NOW.plusSeconds(30));
        return order;
    }

    static Order confirmed() {
        Order order = awaitingPayment();
        order.confirm(NOW.plusSeconds(2));
        return order;
    }

    /** A confirmed order the kitchen moved, a step a second (PREPARING at NOW + 3 s), until it is {@code status}. */
    static Order inTheKitchen(OrderStatus status) {
        Order order = confirmed();
        Instant at = NOW.plusSeconds(2);
        for (OrderStatus step : List.of(PREPARING, OUT_FOR_DELIVERY, DELIVERED)) {
            if (order.status() == status) {
                break;
            }
            at = at.plusSeconds(1);
            order.advance(step, at);
        }
        return order;
    }

    static Order rejected() {
        Order order = pending();
        order.rejectForLackOfStock(SHORT, NOW.plusSeconds(1));
        return order;
    }

    static Order cancelled() {
        Order order = awaitingPayment();
        order.paymentDeclined("DECLINED", NOW.plusSeconds(2));
        return order;
    }

    /** An order in every status the saga and the kitchen can leave it in. */
    static final Map<OrderStatus, Supplier<Order>> IN = new EnumMap<>(Map.of(
            PENDING, OrderTest::pending,
            AWAITING_PAYMENT, OrderTest::awaitingPayment,
            CONFIRMED, OrderTest::confirmed,
            PREPARING, () -> inTheKitchen(PREPARING),
            OUT_FOR_DELIVERY, () -> inTheKitchen(OUT_FOR_DELIVERY),
            DELIVERED, () -> inTheKitchen(DELIVERED),
            REJECTED, OrderTest::rejected,
            CANCELLED, OrderTest::cancelled));

    /** Every way to move an order, by name. */
    enum Move {
        STOCK_RESERVED((order, at) -> order.stockReserved(at.plusSeconds(600), at, at.plusSeconds(30))),
        REJECT_FOR_LACK_OF_STOCK((order, at) -> order.rejectForLackOfStock(SHORT, at)),
        CONFIRM_PREPAID((order, at) -> order.confirmPrepaid(at.plusSeconds(600), at)),
        CONFIRM(Order::confirm),
        PAYMENT_DECLINED((order, at) -> order.paymentDeclined("DECLINED", at)),
        STOCK_LOST_AFTER_CONFIRMATION((order, at) -> order.stockLostAfterConfirmation(SHORT, at)),
        CANCEL((order, at) -> order.cancel(Reason.CANCELLED_BY_ADMIN, at)),
        TO_PREPARING((order, at) -> order.advance(PREPARING, at)),
        TO_OUT_FOR_DELIVERY((order, at) -> order.advance(OUT_FOR_DELIVERY, at)),
        TO_DELIVERED((order, at) -> order.advance(DELIVERED, at));

        final BiConsumer<Order, Instant> apply;

        Move(BiConsumer<Order, Instant> apply) {
            this.apply = apply;
        }
    }

    /** The whole state machine of a card order: where each move leads from each status; absent means refused. */
    static final Map<OrderStatus, Map<Move, OrderStatus>> ALLOWED = Map.of(
            PENDING, Map.of(
                    Move.STOCK_RESERVED, AWAITING_PAYMENT,
                    Move.REJECT_FOR_LACK_OF_STOCK, REJECTED,
                    Move.CANCEL, CANCELLED),
            AWAITING_PAYMENT, Map.of(
                    Move.CONFIRM, CONFIRMED,
                    Move.PAYMENT_DECLINED, CANCELLED,
                    Move.CANCEL, CANCELLED),
            CONFIRMED, Map.of(
                    Move.TO_PREPARING, PREPARING,
                    Move.STOCK_LOST_AFTER_CONFIRMATION, CANCELLED,
                    Move.CANCEL, CANCELLED),
            PREPARING, Map.of(
                    Move.TO_OUT_FOR_DELIVERY, OUT_FOR_DELIVERY,
                    Move.CANCEL, CANCELLED),
            OUT_FOR_DELIVERY, Map.of(
                    Move.TO_DELIVERED, DELIVERED,
                    Move.CANCEL, CANCELLED),
            DELIVERED, Map.of(),
            REJECTED, Map.of(),
            CANCELLED, Map.of());

    static Stream<Arguments> everyMoveFromEveryStatus() {
        return EveryPair.of(OrderStatus.values(), Move.values());
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyMoveFromEveryStatus")
    void aCardOrderMovesOnlyAlongTheSagaAndTheKitchen(OrderStatus from, Move move) {
        Order order = IN.get(from).get();
        assertThat(order.status()).isEqualTo(from);
        OrderStatus to = ALLOWED.get(from).get(move);

        if (to == null) {
            Reason reason = order.reason();
            int steps = order.timeline().size();
            Instant decidedAt = order.decidedAt();
            String cardToken = order.cardToken();
            assertThatThrownBy(() -> move.apply.accept(order, LATER)).isInstanceOf(IllegalStateException.class);
            assertThat(order.status()).as("status after a refused move").isEqualTo(from);
            assertThat(order.reason()).isEqualTo(reason);
            assertThat(order.timeline()).hasSize(steps);
            assertThat(order.decidedAt()).isEqualTo(decidedAt);
            assertThat(order.cardToken()).isEqualTo(cardToken);
        } else {
            int steps = order.timeline().size();
            move.apply.accept(order, LATER);
            assertThat(order.status()).isEqualTo(to);
            assertThat(order.timeline()).hasSize(steps + 1);
            TimelineEntry last = order.timeline().get(steps);
            assertThat(last.status()).isEqualTo(to);
            assertThat(last.reason()).isEqualTo(order.reason());
            assertThat(last.at()).isEqualTo(LATER);
        }
    }

    @Test
    void aNewOrderIsPendingWithItsTotalAndOneTimelineEntry() {
        Order order = new Order(UUID.randomUUID(), "key-1", "hash",
                List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 2, 5490),
                        new OrderLine(UUID.randomUUID(), "Margherita", 1, 4990)),
                null, "tok_approved", NOW, NOW.plusSeconds(20));

        assertThat(order.status()).isEqualTo(PENDING);
        assertThat(order.totalCents()).isEqualTo(2 * 5490 + 4990);
        assertThat(order.currency()).isEqualTo("BRL");
        assertThat(order.cardToken()).isEqualTo("tok_approved");
        assertThat(order.reason()).isNull();
        assertThat(order.decidedAt()).isNull();
        assertThat(order.channel()).isEqualTo(Order.WEB);
        assertThat(order.prepaid()).isFalse();
        assertThat(order.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(PENDING);
            assertThat(entry.at()).isEqualTo(NOW);
        });
    }

    @Test
    void onlyAPrepaidOrderIsConfirmedOnHeldStockAloneAndOnlyWhilePending() {
        Order prepaid = prepaid();
        prepaid.confirmPrepaid(NOW.plusSeconds(600), NOW.plusSeconds(1));
        assertThat(prepaid.status()).isEqualTo(CONFIRMED);
        assertThat(prepaid.decidedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(prepaid.holdEndsBefore(NOW.plusSeconds(601))).isTrue();

        Order card = pending();
        assertThatThrownBy(() -> card.confirmPrepaid(NOW.plusSeconds(600), NOW.plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("card");
        assertThat(card.status()).isEqualTo(PENDING);
        assertThat(card.holdEndsBefore(NOW.plusSeconds(601))).as("no hold recorded").isFalse();

        Order confirmedPrepaid = prepaid();
        confirmedPrepaid.confirmPrepaid(NOW.plusSeconds(600), NOW.plusSeconds(1));
        assertThatThrownBy(() -> confirmedPrepaid.confirmPrepaid(NOW.plusSeconds(600), NOW.plusSeconds(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPartnersPrepaidOrderKeepsNoCardTokenAndNamesItsPartner() {
        Order order = prepaid();

        assertThat(order.prepaid()).isTrue();
        assertThat(order.cardToken()).isNull();
        assertThat(order.channel()).isEqualTo(Order.PARTNER);
        assertThat(order.partner()).isEqualTo("pizza-app");
        assertThat(order.partnerOrderId()).isEqualTo("P-1");
        assertThat(order.customerName()).isEqualTo("Ana");
    }

    @Test
    void theKitchenCannotSkipAStepNorMoveToAStatusThatIsNotItsOwn() {
        Order order = confirmed();

        assertThatThrownBy(() -> order.advance(DELIVERED, LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> order.advance(CONFIRMED, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.advance(CANCELLED, LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.status()).isEqualTo(CONFIRMED);
    }

    @Test
    void everyDecisionDropsTheCardToken() {
        for (Order order : List.of(confirmed(), rejected(), cancelled())) {
            assertThat(order.cardToken()).as(order.status() + " keeps no card token").isNull();
        }
        Order awaiting = awaitingPayment();
        assertThat(awaiting.cardToken()).as("still needed to authorise").isEqualTo("tok_approved");
    }

    @Test
    void theDecisionTimeIsTheSagasFirstDecisionEvenWhenAnAdminCancelsLater() {
        Order order = confirmed();
        order.cancel(Reason.CANCELLED_BY_ADMIN, LATER);

        assertThat(order.status()).isEqualTo(CANCELLED);
        assertThat(order.reason()).isEqualTo(Reason.CANCELLED_BY_ADMIN);
        assertThat(order.decidedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(order.everConfirmed()).isTrue();

        Order neverConfirmed = pending();
        neverConfirmed.cancel(Reason.CANCELLED_BY_CUSTOMER, LATER);
        assertThat(neverConfirmed.decidedAt()).isEqualTo(LATER);
        assertThat(neverConfirmed.everConfirmed()).isFalse();
    }

    @Test
    void aRejectionKeepsTheShortagesAndADeclineTheProcessorsWords() {
        Order rejected = rejected();
        assertThat(rejected.reason()).isEqualTo(Reason.OUT_OF_STOCK);
        assertThat(rejected.shortages()).isEqualTo(SHORT);

        Order declined = cancelled();
        assertThat(declined.reason()).isEqualTo(Reason.PAYMENT_DECLINED);
        assertThat(declined.paymentReason()).isEqualTo("DECLINED");
        assertThat(declined.shortages()).isEmpty();
    }

    @Test
    void aRetryCountsAnAttemptAndHeldStockStartsTheCountAgain() {
        Order order = pending();
        order.retried(NOW.plusSeconds(20), NOW.plusSeconds(40));
        order.retried(NOW.plusSeconds(40), NOW.plusSeconds(60));
        assertThat(order.attempts()).isEqualTo(2);
        assertThat(order.status()).as("a retry is no move").isEqualTo(PENDING);
        assertThat(order.timeline()).hasSize(1);

        order.stockReserved(NOW.plusSeconds(600), NOW.plusSeconds(61), NOW.plusSeconds(91));
        assertThat(order.attempts()).isZero();
    }

    @Test
    void theHoldEndsBeforeAnInstantOnlyWhenThereIsOneAndItEndsStrictlyEarlier() {
        assertThat(pending().holdEndsBefore(LATER)).as("nothing held yet").isFalse();
        Order order = awaitingPayment(); // held until NOW + 600 s
        assertThat(order.holdEndsBefore(NOW.plusSeconds(599))).isFalse();
        assertThat(order.holdEndsBefore(NOW.plusSeconds(600))).isFalse();
        assertThat(order.holdEndsBefore(NOW.plusSeconds(601))).isTrue();
    }

    @Test
    void theSameRequestIsRecognisedByItsHash() {
        Order order = pending();
        assertThat(order.sameRequest("hash")).isTrue();
        assertThat(order.sameRequest("another")).isFalse();
    }

    @Test
    void theSagaDecidesTheFirstMovesAndNothingFollowsTheLast() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::undecided))
                .containsExactlyInAnyOrder(PENDING, AWAITING_PAYMENT);
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::terminal))
                .containsExactlyInAnyOrder(DELIVERED, REJECTED, CANCELLED);
        assertThat(OrderStatus.KITCHEN_STEPS).containsExactlyInAnyOrder(PREPARING, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(PREPARING.previousKitchenStep()).isEqualTo(CONFIRMED);
        assertThat(OUT_FOR_DELIVERY.previousKitchenStep()).isEqualTo(PREPARING);
        assertThat(DELIVERED.previousKitchenStep()).isEqualTo(OUT_FOR_DELIVERY);
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
