package com.forno.pizzeria.orders.saga.control;

import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.orders.ordering.control.OrderEvents;
import com.forno.pizzeria.orders.ordering.control.OrderMetrics;
import com.forno.pizzeria.orders.ordering.control.OrderProblems.TooLate;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.orders.saga.control.SagaStep.Compensation;
import com.forno.pizzeria.platform.messaging.Outbox;
import com.forno.pizzeria.platform.persistence.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order saga (ARCHITECTURE.md §6), orchestrated here; {@link SagaStep} declares it on one screen, and the
 * handlers below are what its replies go to. Each step runs in the transaction of the message or request that
 * triggers it (class-level MANDATORY: the saga begins none of its own): it locks the order row, moves the order, and
 * writes the next commands to the outbox in that same transaction. The confirmation is one event, OrderConfirmed,
 * which stock applies as the reservation's commit and payments as the capture (the topology binds it to their command
 * queues). Answers that come late or twice (a retried command, a reply to a cancelled order) find no handler at the
 * order's step, or one that only gives back, and never move it backwards; compensations (release, void) are re-sent
 * when needed because stock and payments apply them idempotently.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Saga {

    private static final System.Logger LOG = System.getLogger(Saga.class.getName());

    Clock clock = Clock.systemUTC();

    @Inject
    SagaSettings settings;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    OrderEvents events;

    @Inject
    OrderMetrics metrics;

    @Inject
    Decisions decisions;

    @Inject
    DecisionNotices notices;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A new order, in the transaction that stores it: the saga's first step, ReserveStock, leaves with it. */
    public void start(Order order) {
        outbox.send(SagaStep.RESERVE_STOCK.command(order), order.id());
        events.announce(order);
        metrics.created();
    }

    /** A reply from stock or payments: the handler its order's step declares for it, if any (else nothing). */
    public void on(Record reply) {
        Order order = locked(orderOf(reply));
        if (order == null) {
            return;
        }
        SagaStep.of(order.status()).handlerOf(reply).ifPresentOrElse(
                on -> on.handle(this, order, reply),
                () -> LOG.log(Level.DEBUG, "order {0}: {1} while {2} changes nothing", order.id(),
                        reply.getClass().getSimpleName(), order.status()));
    }

    // --- the handlers the steps declare, each with the order locked ------------------------------------------

    void stockHeld(Order order, StockReserved reply) {
        if (order.prepaid()) {
            // the partner collected the money: held stock is all this order waited for; its OrderConfirmed
            // commits the reservation (payments finds no payment of its own to capture)
            order.confirmPrepaid(reply.expiresAt(), now());
            announceDecision(order);
            return;
        }
        order.stockReserved(reply.expiresAt(), now(), SagaStep.AUTHORIZE_PAYMENT.answerDue(settings, now()));
        outbox.send(SagaStep.AUTHORIZE_PAYMENT.command(order), order.id());
        events.announce(order);
    }

    void outOfStock(Order order, StockRejected reply) {
        order.rejectForLackOfStock(orNone(reply.shortages()), now());
        announceDecision(order);
    }

    void authorised(Order order, PaymentAuthorized reply) {
        if (order.holdEndsBefore(now().plus(settings.holdMargin()))) {
            cancel(order, Reason.EXPIRED);
            return;
        }
        // OrderConfirmed is stock's commit and payments' capture too (bound to their queues): no command each
        order.confirm(now());
        announceDecision(order);
    }

    void declined(Order order, PaymentDeclined reply) {
        order.paymentDeclined(reply.reason(), now());
        giveBack(order, Reason.PAYMENT_DECLINED.name(), List.of(Compensation.RELEASE_STOCK));
        cancelled(order, OrderStatus.AWAITING_PAYMENT);
    }

    /**
     * Stock could not honour a confirmation: the hold had expired before the OrderConfirmed reached it (stock or
     * the broker was down longer than the hold's time) and the ingredients went to other orders. The order is
     * cancelled (OUT_OF_STOCK, with the shortages) and its money goes back: VoidPayment (payments refunds a captured
     * payment, voids an authorised one); nothing is held, so nothing is released.
     */
    void lostAfterConfirmation(Order order, ReservationLost reply) {
        LOG.log(Level.WARNING, "order {0}: stock lost its hold after it was confirmed ({1}, short: {2});"
                + " cancelling and refunding", order.id(), reply.reason(), reply.shortages());
        OrderStatus before = order.status();
        order.stockLostAfterConfirmation(orNone(reply.shortages()), now());
        giveBack(order, Reason.OUT_OF_STOCK.name(), List.of(Compensation.VOID_PAYMENT));
        cancelled(order, before);
    }

    /** Once the kitchen has started, the food exists: the order goes on (stock's books are short of it). */
    void lostButKept(Order order, ReservationLost reply) {
        LOG.log(Level.WARNING, "order {0}: stock lost its hold ({1}, short: {2}) but the kitchen already has"
                + " it ({3}): kept; count the stock", order.id(), reply.reason(), reply.shortages(), order.status());
        metrics.stockLostButKept(order.status());
    }

    /** Cancelled or rejected while stock was reserving: give the ingredients back (stock ignores a second release). */
    void lateHoldReleased(Order order, StockReserved reply) {
        giveBack(order, "ORDER_" + order.status(), List.of(Compensation.RELEASE_STOCK));
    }

    /** Authorised after the customer cancelled: never keep that money. */
    void lateAuthorisationVoided(Order order, PaymentAuthorized reply) {
        outbox.send(Compensation.VOID_PAYMENT.command(order, "ORDER_CANCELLED"), order.id());
    }

    // --- people: the customer or an admin cancels, the kitchen moves orders along ---------------------------

    /** The customer may cancel until the order is confirmed; an admin until it is delivered. */
    public Order cancel(UUID id, boolean byAdmin) {
        Order order = locked(id);
        OrderStatus status = order.status();
        if (status.terminal()) {
            throw new TooLate("The order is already " + status + ".");
        }
        if (!byAdmin && !status.undecided()) {
            throw new TooLate("The order is already " + status + "; ask the pizzeria to cancel it.");
        }
        cancel(order, byAdmin ? Reason.CANCELLED_BY_ADMIN : Reason.CANCELLED_BY_CUSTOMER);
        return order;
    }

    public Order advance(UUID id, OrderStatus next) {
        Order order = locked(id);
        if (order.status() != next.previousKitchenStep()) {
            throw new TooLate("An order goes to " + next + " from " + next.previousKitchenStep() + ", and this one is "
                    + order.status() + ".");
        }
        order.advance(next, now());
        events.announce(order);
        return order;
    }

    // --- the sweeper: no order waits forever -----------------------------------------------------------------

    /**
     * Orders whose answer is overdue: their step's command again (stock and payments answer a repeated command with
     * the first outcome) up to {@code orders.saga.max-retries} times, then give up and compensate. Skips rows another
     * instance is sweeping. Returns how many orders it handled.
     */
    public int sweep(int batch) {
        String awaiting = SagaStep.awaitingAnswers().stream().map(status -> "'" + status + "'")
                .collect(Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<Order> overdue = em.createNativeQuery("select * from orders where status in (" + awaiting + ")"
                        + " and next_attempt_at <= now() order by next_attempt_at limit ? for update skip locked",
                        Order.class)
                .setParameter(1, batch)
                .getResultList();
        for (Order order : overdue) {
            SagaStep step = SagaStep.of(order.status());
            if (order.attempts() < settings.maxRetries()) {
                outbox.send(step.command(order), order.id());
                order.retried(now(), step.answerDue(settings, now()));
            } else {
                LOG.log(Level.WARNING, "order {0}: no answer while {1} after {2} retries; cancelling",
                        order.id(), order.status(), order.attempts());
                cancel(order, Reason.EXPIRED);
            }
        }
        return overdue.size();
    }

    // --- steps shared by the paths above ---------------------------------------------------------------------

    /** Cancels, and gives back what the step the order was at declares: held stock, an authorisation, a capture. */
    private void cancel(Order order, Reason why) {
        OrderStatus before = order.status();
        order.cancel(why, now());
        giveBack(order, why.name(), SagaStep.of(before).onCancel());
        cancelled(order, before);
    }

    private void giveBack(Order order, String why, List<Compensation> compensations) {
        compensations.stream().filter(compensation -> compensation.owedBy(order))
                .forEach(compensation -> outbox.send(compensation.command(order, why), order.id()));
    }

    private void cancelled(Order order, OrderStatus before) {
        events.announce(order);
        metrics.cancelled(order, before);
        if (before.undecided()) {
            decided(order);
        }
    }

    private void announceDecision(Order order) {
        events.announce(order);
        decided(order);
    }

    /** The saga's first decision on the order: count it and, once it commits, release whoever waits for it. */
    private void decided(Order order) {
        metrics.decided(order);
        notices.announce(order.id());
        UUID id = order.id();
        AfterCommit.run(transactions, () -> decisions.decided(id));
    }

    /** Every reply on {@code orders.replies} names its order in {@code orderId}. */
    private static UUID orderOf(Record reply) {
        try {
            return (UUID) reply.getClass().getMethod("orderId").invoke(reply);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(reply.getClass().getSimpleName() + " names no order", e);
        }
    }

    private static List<Shortage> orNone(List<Shortage> shortages) {
        return shortages == null ? List.of() : shortages;
    }

    private Order locked(UUID id) {
        Order order = em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            LOG.log(Level.WARNING, "a reply names order {0}, which does not exist here", id);
        }
        return order;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
