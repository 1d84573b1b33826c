package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import com.forno.pizzeria.payments.charges.entity.OrderLock;
import com.forno.pizzeria.payments.charges.entity.Payment;
import com.forno.pizzeria.platform.messaging.Outbox;
import com.forno.pizzeria.platform.outages.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * What payments does with the saga's commands. Each runs in the caller's transaction (the inbox's: applied once
 * per message id) and starts by locking the order, so the commands of one order apply one at a time:
 * <ul>
 * <li><b>authorise</b>: a payment already decided for the order is answered again, unchanged (never a second
 * hold); a cancelled order is declined CANCELLED without asking the processor; otherwise the processor decides.
 * When its answer never came (timeout, error after the retries) the outcome is unknown: the order's reference is
 * voided before the decline, or, if that void fails, the decline goes out anyway and the payment owes the void
 * ({@link UnknownOutcomes}). The answer goes out through the outbox, with the transaction.</li>
 * <li><b>capture</b> (CapturePayment, or the order's OrderConfirmed: a prepaid order's finds no payment and takes
 * nothing): AUTHORIZED → CAPTURED; anything else is left as it is (already captured, or voided by a
 * cancellation that came first).</li>
 * <li><b>void</b>: marks the order cancelled (the tombstone a late authorisation finds), then AUTHORIZED → VOIDED
 * or CAPTURED → REFUNDED; a declined or settled payment needs nothing.</li>
 * </ul>
 * The processor is called while the order's lock is held, so no other command of that order can slip in between
 * the processor's answer and its record. A crash in that window rolls everything back and the message comes again:
 * the processor call is repeated with the same idempotency key (the order id) and answers the same hold.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Charges {

    private static final System.Logger LOG = System.getLogger(Charges.class.getName());

    @Inject
    Payments payments;

    @Inject
    Acquirer acquirer;

    @Inject
    UnknownOutcomes unknownOutcomes;

    @Inject
    Outbox outbox;

    @Inject
    PaymentMetrics metrics;

    Clock clock = Clock.systemUTC();

    public Payment authorize(AuthorizePayment command) {
        validate(command);
        OrderLock order = payments.lock(command.orderId());
        Payment payment = paymentOf(order).orElseGet(() -> decide(order, command));
        outbox.send(replyTo(payment), payment.orderId());
        return payment;
    }

    public void capture(CapturePayment command) {
        requireOrder(command.orderId());
        OrderLock order = payments.lock(command.orderId());
        Payment payment = paymentOf(order).orElseThrow(() -> new UnknownPayment(order.orderId()));
        switch (payment.status()) {
            case AUTHORIZED -> {
                ProcessorCalls calls = new ProcessorCalls();
                await(acquirer.capture(payment.authorizationCode(), payment.amountCents(), calls));
                payment.captured(calls.count(), now());
                metrics.settled(payment.status());
            }
            case CAPTURED -> { } // a repeated capture: done already
            case DECLINED, VOIDED, REFUNDED -> LOG.log(Level.INFO,
                    "capture of order {0} ignored: its payment is {1}", order.orderId(), payment.status());
        }
    }

    /**
     * The order was confirmed (OrderConfirmed, bound to payments' queue): capture its payment. An order confirmed
     * without one here was paid to a partner (a prepaid order never asks payments): nothing to take. A card order is
     * confirmed only after its PaymentAuthorized, which payments sends in the transaction that records the payment,
     * so its payment is always here by then.
     */
    public void capture(OrderConfirmed event) {
        requireOrder(event.orderId());
        if (payments.ofOrder(event.orderId()).isEmpty()) {
            LOG.log(Level.DEBUG, "order {0} confirmed with no payment here: paid to a partner", event.orderId());
            return;
        }
        capture(new CapturePayment(event.orderId()));
    }

    public void cancel(VoidPayment command) {
        requireOrder(command.orderId());
        OrderLock order = payments.lock(command.orderId());
        order.cancel(command.reason(), now());
        Optional<Payment> found = paymentOf(order);
        if (found.isEmpty()) {
            LOG.log(Level.INFO, "order {0} cancelled before its authorisation: it will be declined", order.orderId());
            return;
        }
        Payment payment = found.get();
        ProcessorCalls calls = new ProcessorCalls();
        switch (payment.status()) {
            case AUTHORIZED -> {
                await(acquirer.voidAuthorization(payment.authorizationCode(), calls));
                payment.voided(command.reason(), calls.count(), now());
                metrics.settled(payment.status());
            }
            case CAPTURED -> {
                await(acquirer.refund(payment.authorizationCode(), payment.amountCents(), calls));
                payment.refunded(command.reason(), calls.count(), now());
                metrics.settled(payment.status());
            }
            case DECLINED, VOIDED, REFUNDED -> { } // nothing is held: nothing to give back
        }
    }

    /** The saga's answer for a decided payment; a released or refunded one is, by now, a cancelled order's. */
    static Record replyTo(Payment payment) {
        return switch (payment.status()) {
            case AUTHORIZED, CAPTURED -> new PaymentAuthorized(payment.orderId(), payment.id(), payment.amountCents());
            case DECLINED -> new PaymentDeclined(payment.orderId(), payment.id(), payment.reason());
            case VOIDED, REFUNDED -> new PaymentDeclined(payment.orderId(), payment.id(), DeclineReason.CANCELLED.name());
        };
    }

    static void validate(AuthorizePayment command) {
        requireOrder(command.orderId());
        if (command.customerId() == null) {
            throw new InvalidCommand("AuthorizePayment for order " + command.orderId() + " names no customer");
        }
        if (command.amountCents() <= 0) {
            throw new InvalidCommand("AuthorizePayment for order " + command.orderId() + " is for "
                    + command.amountCents() + " cents; a payment is for a positive amount");
        }
        if (!Payment.CURRENCY.equals(command.currency())) {
            throw new InvalidCommand("AuthorizePayment for order " + command.orderId() + " is in "
                    + command.currency() + "; only " + Payment.CURRENCY + " is taken");
        }
    }

    private static void requireOrder(Object orderId) {
        if (orderId == null) {
            throw new InvalidCommand("a payment command must name its order");
        }
    }

    private Payment decide(OrderLock order, AuthorizePayment command) {
        ProcessorCalls calls = new ProcessorCalls();
        Authorization answer = order.isCancelled()
                ? Authorization.declined(DeclineReason.CANCELLED)
                : await(acquirer.authorize(command.orderId(), command.amountCents(), command.currency(),
                        command.cardToken(), calls));
        boolean voidOwed = answer.outcomeUnknown() && !unknownOutcomes.voidAtOnce(command.orderId(), calls);
        Payment payment = answer.approved()
                ? Payment.authorized(command.orderId(), command.customerId(), command.amountCents(), answer.code(),
                        calls.count(), now())
                : Payment.declined(command.orderId(), command.customerId(), command.amountCents(),
                        answer.declineReason(), calls.count(), now());
        if (voidOwed) {
            payment.owesVoid(now());
        }
        payments.add(payment);
        metrics.decided(payment);
        return payment;
    }

    /** The order's payment, if decided; there is at most one (a unique index says so too). */
    private Optional<Payment> paymentOf(OrderLock order) {
        return payments.ofOrder(order.orderId()).stream().findFirst();
    }

    /**
     * Waits for the processor. A processor that failed, timed out or whose circuit is open after the Acquirer's
     * retries is {@link Unavailable}: the consumer holds the capture, void or refund and tries again until the
     * processor is back, instead of spending the message's delivery limit (a capture dead-lettered during a
     * processor outage left a confirmed order's money untaken). Any other failure fails the message.
     */
    private static <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ProcessorFailure || cause instanceof FaultToleranceException) {
                throw new Unavailable("the card processor", cause);
            }
            throw e;
        }
    }

    /** Microseconds: what PostgreSQL keeps, so a value reads back exactly as it was answered. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
