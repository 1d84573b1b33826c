package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.control.PaymentMetrics.Resolution;
import com.forno.pizzeria.payments.charges.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * Authorisations whose outcome is unknown: the processor was asked, its answer never came, and it may hold the
 * customer's money under the order's reference. Such an authorisation is never taken for a plain decline: the
 * reference is voided first ({@link #voidAtOnce}), and when that fails too (the processor is down) the decline goes
 * out all the same, the payment owes the void, and {@link #resolveOwed} gets it through later, batch by batch,
 * until the processor confirms.
 */
@ApplicationScoped
public class UnknownOutcomes {

    private static final System.Logger LOG = System.getLogger(UnknownOutcomes.class.getName());

    @Inject
    Payments payments;

    @Inject
    Acquirer acquirer;

    @Inject
    PaymentMetrics metrics;

    Clock clock = Clock.systemUTC();

    /** Voids the order's reference now; {@code false} when the processor failed to (the void is then owed). */
    public boolean voidAtOnce(UUID orderId, ProcessorCalls calls) {
        Optional<Throwable> failure = voidByReference(orderId, calls);
        metrics.resolved(failure.isEmpty() ? Resolution.VOIDED : Resolution.DEFERRED);
        failure.ifPresent(cause -> LOG.log(Level.WARNING, "order {0}: its authorisation''s outcome is unknown and"
                + " voiding it failed ({1}); declined now, the void is owed and retried", orderId, cause));
        return failure.isEmpty();
    }

    /**
     * Tries the owed voids of up to {@code batch} payments, in the caller's transaction; returns how many went
     * through. Stops at the first that fails: the processor is failing, and the rest wait for the next pass.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveOwed(int batch) {
        List<Payment> owing = payments.owingVoid(batch);
        int voided = 0;
        for (Payment payment : owing) {
            ProcessorCalls calls = new ProcessorCalls();
            Instant owedSince = payment.voidPendingSince().orElseThrow();
            Optional<Throwable> failure = voidByReference(payment.orderId(), calls);
            if (failure.isPresent()) {
                payment.voidByReferenceFailed(calls.count(), now());
                LOG.log(Level.WARNING, "order {0}: the void by reference owed since {1} failed again ({2}); {3}"
                        + " payment(s) of this pass wait for the next", payment.orderId(), owedSince, failure.get(),
                        owing.size() - voided);
                break;
            }
            payment.voidedByReference(calls.count(), now());
            metrics.resolved(Resolution.VOIDED_LATER);
            voided++;
            LOG.log(Level.INFO, "order {0}: the void by reference owed for {1} s went through", payment.orderId(),
                    Duration.between(owedSince, now()).toSeconds());
        }
        return voided;
    }

    /** How many payments owe a void by reference. */
    public long owed() {
        return payments.owingVoid();
    }

    /** Empty when the void went through; otherwise why it did not. */
    private Optional<Throwable> voidByReference(UUID orderId, ProcessorCalls calls) {
        try {
            acquirer.voidByReference(orderId, calls).toCompletableFuture().join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** Microseconds: what PostgreSQL keeps, so a value reads back exactly as it was written. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
