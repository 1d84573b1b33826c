package com.forno.pizzeria.orders.saga.control;

import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.orders.ordering.control.OrderEvents;
import com.forno.pizzeria.orders.ordering.control.OrderMetrics;
import com.forno.pizzeria.orders.ordering.control.OrderProblems.TooLate;
import com.forno.pizzeria.orders.ordering.control.Ordering;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The order saga (ARCHITECTURE.md §6), orchestrated here. Each step runs in the transaction of the message or
 * request that triggers it: it locks the order row, moves the order, and writes the next commands to the outbox in
 * that same transaction. The confirmation is one event, OrderConfirmed, which stock applies as the reservation's
 * commit and payments as the capture (the topology binds it to their command queues). Answers that come late or twice (a retried command, a reply to a cancelled order) are
 * recognised from the order's status and never move it backwards; compensations (release, void) are re-sent when
 * needed because stock and payments apply them idempotently.
 */
@ApplicationScoped
public class Saga {

    private static final System.Logger LOG = System.getLogger(Saga.class.getName());

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

    @Inject
    @ConfigProperty(name = "orders.saga.stock-timeout-seconds", defaultValue = "20")
    long stockTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "orders.saga.payment-timeout-seconds", defaultValue = "30")
    long paymentTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "orders.saga.max-retries", defaultValue = "2")
    int maxRetries;

    /** Confirming on a hold that ends within this margin could outlive it: such an order expires instead. */
    @Inject
    @ConfigProperty(name = "orders.saga.hold-margin-seconds", defaultValue = "15")
    long holdMarginSeconds;

    Clock clock = Clock.systemUTC();

    // --- replies from stock and payments (in the message's transaction) ------------------------------------

    public void on(StockReserved reply) {
        Order order = locked(reply.orderId());
        if (order == null) {
            return;
        }
        switch (order.status()) {
            case PENDING -> {
                if (order.prepaid()) {
                    // the partner collected the money: held stock is all this order waited for
                    order.confirmPrepaid(reply.expiresAt(), now());
                    // its OrderConfirmed commits the reservation (payments finds no payment of its own to capture)
                    events.announce(order);
                    decided(order);
                    return;
                }
                order.stockReserved(reply.expiresAt(), now(), now().plusSeconds(paymentTimeoutSeconds));
                outbox.send(authorize(order), order.id());
                events.announce(order);
            }
            // cancelled while stock was reserving: give the ingredients back (stock ignores a second release)
            case CANCELLED, REJECTED -> outbox.send(new ReleaseReservation(order.id(), "ORDER_" + order.status()), order.id());
            default -> LOG.log(Level.DEBUG, "order {0}: StockReserved again while {1}", order.id(), order.status());
        }
    }

    public void on(StockRejected reply) {
        Order order = locked(reply.orderId());
        if (order != null && order.status() == OrderStatus.PENDING) {
            order.rejectForLackOfStock(reply.shortages() == null ? List.of() : reply.shortages(), now());
            events.announce(order);
            decided(order);
        }
    }

    /**
     * Stock could not honour a confirmation: the hold had expired before the OrderConfirmed reached it (stock or
     * the broker was down longer than the hold's time) and the ingredients went to other orders. A CONFIRMED order
     * is cancelled (OUT_OF_STOCK, with the shortages) and its money goes back: VoidPayment (payments refunds a
     * captured payment, voids an authorised one); nothing is held, so nothing is released. Once the kitchen has
     * started, the food exists: the order goes on, and the loss is logged and counted (stock's books are short of
     * what the kitchen used). Any other status (a repeat after the cancel, an order never confirmed) changes nothing.
     */
    public void on(ReservationLost reply) {
        Order order = locked(reply.orderId());
        if (order == null) {
            return;
        }
        switch (order.status()) {
            case CONFIRMED -> {
                LOG.log(Level.WARNING, "order {0}: stock lost its hold after it was confirmed ({1}, short: {2});"
                        + " cancelling and refunding", order.id(), reply.reason(), reply.shortages());
                OrderStatus before = order.status();
                order.stockLostAfterConfirmation(reply.shortages() == null ? List.of() : reply.shortages(), now());
                if (!order.prepaid()) {
                    outbox.send(new VoidPayment(order.id(), Reason.OUT_OF_STOCK.name()), order.id());
                }
                cancelled(order, before);
            }
            case PREPARING, OUT_FOR_DELIVERY, DELIVERED -> {
                LOG.log(Level.WARNING, "order {0}: stock lost its hold ({1}, short: {2}) but the kitchen already has"
                        + " it ({3}): kept; count the stock", order.id(), reply.reason(), reply.shortages(),
                        order.status());
                metrics.stockLostButKept(order.status());
            }
            default -> LOG.log(Level.INFO, "order {0}: ReservationLost while {1}; nothing to do", order.id(),
                    order.status());
        }
    }

    public void on(PaymentAuthorized reply) {
        Order order = locked(reply.orderId());
        if (order == null) {
            return;
        }
        if (order.status() == OrderStatus.AWAITING_PAYMENT) {
            if (order.holdEndsBefore(now().plusSeconds(holdMarginSeconds))) {
                cancel(order, Reason.EXPIRED);
                return;
            }
            order.confirm(now());
            // OrderConfirmed is stock's commit and payments' capture too (bound to their queues): no command each
            events.announce(order);
            decided(order);
        } else if (order.status() == OrderStatus.CANCELLED) {
            // authorised after the customer cancelled: never keep that money
            outbox.send(new VoidPayment(order.id(), "ORDER_CANCELLED"), order.id());
        }
    }

    public void on(PaymentDeclined reply) {
        Order order = locked(reply.orderId());
        if (order != null && order.status() == OrderStatus.AWAITING_PAYMENT) {
            order.paymentDeclined(reply.reason(), now());
            outbox.send(new ReleaseReservation(order.id(), "PAYMENT_DECLINED"), order.id());
            cancelled(order, OrderStatus.AWAITING_PAYMENT);
        }
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
     * Orders whose answer is overdue: ask again (stock and payments answer a repeated command with the first
     * outcome) up to {@code orders.saga.max-retries} times, then give up and compensate. Skips rows another
     * instance is sweeping. Returns how many orders it handled. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sweep(int batch) {
        @SuppressWarnings("unchecked")
        List<Order> overdue = em.createNativeQuery("""
                        select * from orders
                         where status in ('PENDING', 'AWAITING_PAYMENT') and next_attempt_at <= now()
                         order by next_attempt_at
                         limit ?
                           for update skip locked""", Order.class)
                .setParameter(1, batch)
                .getResultList();
        for (Order order : overdue) {
            if (order.attempts() < maxRetries) {
                boolean waitsForStock = order.status() == OrderStatus.PENDING;
                outbox.send(waitsForStock ? Ordering.reserveStock(order) : authorize(order), order.id());
                order.retried(now(), now().plusSeconds(waitsForStock ? stockTimeoutSeconds : paymentTimeoutSeconds));
            } else {
                LOG.log(Level.WARNING, "order {0}: no answer while {1} after {2} retries; cancelling",
                        order.id(), order.status(), order.attempts());
                cancel(order, Reason.EXPIRED);
            }
        }
        return overdue.size();
    }

    // --- steps shared by the paths above ---------------------------------------------------------------------

    /** Cancels and compensates what the order's status says was done: held stock, an authorisation, a capture. */
    private void cancel(Order order, Reason why) {
        OrderStatus before = order.status();
        order.cancel(why, now());
        // once the kitchen started, the ingredients are used: only the money goes back
        boolean stockMayBeHeld = before != OrderStatus.PREPARING && before != OrderStatus.OUT_FOR_DELIVERY;
        if (stockMayBeHeld) {
            outbox.send(new ReleaseReservation(order.id(), why.name()), order.id());
        }
        // a prepaid order's money is the partner's to give back: payments never held any
        if (before != OrderStatus.PENDING && !order.prepaid()) {
            outbox.send(new VoidPayment(order.id(), why.name()), order.id());
        }
        cancelled(order, before);
    }

    private void cancelled(Order order, OrderStatus before) {
        events.announce(order);
        metrics.cancelled(order, before);
        if (before.undecided()) {
            decided(order);
        }
    }

    /** The saga's first decision on the order: count it and, once it commits, release whoever waits for it. */
    private void decided(Order order) {
        metrics.decided(order);
        notices.announce(order.id());
        UUID id = order.id();
        AfterCommit.run(transactions, () -> decisions.decided(id));
    }

    private static AuthorizePayment authorize(Order order) {
        return new AuthorizePayment(order.id(), order.customerId(), order.totalCents(), order.currency(),
                order.cardToken());
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
