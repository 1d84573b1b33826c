package com.forno.pizzeria.orders.saga.control;

import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.AWAITING_PAYMENT;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.CANCELLED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.CONFIRMED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.DELIVERED;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.OUT_FOR_DELIVERY;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.PENDING;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.PREPARING;
import static com.forno.pizzeria.orders.ordering.entity.OrderStatus.REJECTED;
import static com.forno.pizzeria.orders.saga.control.SagaStep.Compensation.RELEASE_STOCK;
import static com.forno.pizzeria.orders.saga.control.SagaStep.Compensation.VOID_PAYMENT;

import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The order saga on one screen (ARCHITECTURE.md §6). A step is where an order waits: the command that asked for the
 * answer, the replies it awaits and the {@link Saga} handler each goes to, what a cancel gives back from there, and
 * how long the answer may take ({@link SagaSettings}) before the sweeper sends the command again, up to
 * {@code orders.saga.max-retries} times, and then cancels the order (EXPIRED). A reply its step does not list
 * changes nothing: late and repeated answers never move an order backwards. The last rows are after the saga: the
 * kitchen's statuses and the two ends, for the late answers that still call for something.
 */
public enum SagaStep {

    //             waits in            command sent          answer due in              a cancel gives back
    RESERVE_STOCK(Set.of(PENDING), SagaStep::reserveStock, SagaSettings::stockTimeout, List.of(RELEASE_STOCK),
            on(StockReserved.class, Saga::stockHeld),         // AWAITING_PAYMENT, AuthorizePayment (prepaid: CONFIRMED)
            on(StockRejected.class, Saga::outOfStock)),       // REJECTED (OUT_OF_STOCK), never charged
    AUTHORIZE_PAYMENT(Set.of(AWAITING_PAYMENT), SagaStep::authorizePayment, SagaSettings::paymentTimeout,
            List.of(RELEASE_STOCK, VOID_PAYMENT),
            on(PaymentAuthorized.class, Saga::authorised),    // CONFIRMED (hold ending within the margin: EXPIRED)
            on(PaymentDeclined.class, Saga::declined)),       // CANCELLED (PAYMENT_DECLINED) + ReleaseReservation
    // OrderConfirmed, an event, is stock's commit and payments' capture: no command, no answer due
    CONFIRM(Set.of(CONFIRMED), null, null, List.of(RELEASE_STOCK, VOID_PAYMENT),
            on(ReservationLost.class, Saga::lostAfterConfirmation)), // CANCELLED (OUT_OF_STOCK) + VoidPayment
    // after the saga
    KITCHEN(Set.of(PREPARING, OUT_FOR_DELIVERY, DELIVERED), null, null, List.of(VOID_PAYMENT),
            on(ReservationLost.class, Saga::lostButKept)),    // the food exists: kept, the loss counted
    REJECTED_ORDER(Set.of(REJECTED), null, null, List.of(),
            on(StockReserved.class, Saga::lateHoldReleased)), // ReleaseReservation ORDER_REJECTED
    CANCELLED_ORDER(Set.of(CANCELLED), null, null, List.of(),
            on(StockReserved.class, Saga::lateHoldReleased),  // ReleaseReservation ORDER_CANCELLED
            on(PaymentAuthorized.class, Saga::lateAuthorisationVoided)); // VoidPayment ORDER_CANCELLED

    /** What a cancel gives back; each is safe to send again, since stock and payments apply it once. */
    public enum Compensation {
        RELEASE_STOCK(ReleaseReservation::new),
        /** A prepaid order's money is the partner's to give back: payments never held any. */
        VOID_PAYMENT(VoidPayment::new);

        private final BiFunction<UUID, String, Record> command;

        Compensation(BiFunction<UUID, String, Record> command) {
            this.command = command;
        }

        Record command(Order order, String why) {
            return command.apply(order.id(), why);
        }

        boolean owedBy(Order order) {
            return this != VOID_PAYMENT || !order.prepaid();
        }
    }

    /** A reply a step awaits, and its handler: a method of the saga, given the locked order and the reply. */
    record On<R extends Record>(Class<R> reply, Handler<R> handler) {

        void handle(Saga saga, Order order, Record payload) {
            handler.handle(saga, order, reply.cast(payload));
        }
    }

    @FunctionalInterface
    interface Handler<R extends Record> {
        void handle(Saga saga, Order order, R reply);
    }

    private static <R extends Record> On<R> on(Class<R> reply, Handler<R> handler) {
        return new On<>(reply, handler);
    }

    private final Set<OrderStatus> statuses;
    private final Function<Order, Record> command;
    private final Function<SagaSettings, Duration> timeout;
    private final List<Compensation> onCancel;
    private final List<On<?>> replies;

    SagaStep(Set<OrderStatus> statuses, Function<Order, Record> command, Function<SagaSettings, Duration> timeout,
             List<Compensation> onCancel, On<?>... replies) {
        this.statuses = statuses;
        this.command = command;
        this.timeout = timeout;
        this.onCancel = onCancel;
        this.replies = List.of(replies);
    }

    /** The step an order in this status is at. */
    public static SagaStep of(OrderStatus status) {
        return Arrays.stream(values()).filter(step -> step.statuses.contains(status)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no saga step for " + status));
    }

    /** The statuses in which an answer is due, and the sweeper asks again when it is late. */
    static List<OrderStatus> awaitingAnswers() {
        return Arrays.stream(values()).filter(step -> step.timeout != null)
                .flatMap(step -> step.statuses.stream()).toList();
    }

    /** Every reply some step awaits: what {@code orders.replies} carries. */
    public static Set<Class<? extends Record>> replies() {
        return Arrays.stream(values()).flatMap(step -> step.replies.stream()).map(On::reply)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The command this step sends (again, when its answer is late). */
    Record command(Order order) {
        return command.apply(order);
    }

    /** When the answer to this step's command, sent at {@code now}, is late. */
    public Instant answerDue(SagaSettings settings, Instant now) {
        return now.plus(timeout.apply(settings));
    }

    List<Compensation> onCancel() {
        return onCancel;
    }

    /** The handler of this reply at this step; empty when the reply changes nothing here. */
    Optional<On<?>> handlerOf(Record reply) {
        return replies.stream().filter(on -> on.reply() == reply.getClass()).findFirst();
    }

    private static ReserveStock reserveStock(Order order) {
        return new ReserveStock(order.id(), order.lines().stream()
                .map(line -> new ReserveStock.Line(line.productId(), line.quantity())).toList());
    }

    private static AuthorizePayment authorizePayment(Order order) {
        return new AuthorizePayment(order.id(), order.customerId(), order.totalCents(), order.currency(),
                order.cardToken());
    }
}
