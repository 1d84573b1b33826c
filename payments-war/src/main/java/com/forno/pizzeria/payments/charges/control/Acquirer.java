package com.forno.pizzeria.payments.charges.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The {@link CardProcessor} behind Fault Tolerance. Deliberately not transactional: a retry repeats the processor
 * call and nothing else, and the caller records the outcome once, after the last attempt.
 * <p>
 * Every call is {@link Asynchronous}: its attempts run on Fault Tolerance's own threads, outside the caller's JTA
 * transaction, and a timeout interrupts that thread, never the caller's (the message consumer, whose JMS session
 * and database connection an interrupt could break). The caller waits for the result; the worst case is bounded
 * by timeout × attempts + delays (2 s × 3 + 2 × 0.3 s ≈ 6.6 s with the defaults), twice that for an authorisation
 * of unknown outcome followed by its void by reference (≈ 13.2 s), far below the consumer's 60 s limit per message
 * and the saga's 30 s wait for a payment; Payara's JTA transactions have no timeout by default (one set lower would abort slow calls).
 * <ul>
 * <li>{@code @Timeout} 2 s per attempt: {@code tok_slow} (3 s) times out.</li>
 * <li>{@code @Retry} 2 more attempts, 200 ± 100 ms apart, on processor failures and timeouts only (a decline is an
 * answer, not a failure).</li>
 * <li>{@code @CircuitBreaker} on authorisations: opens when half of the last 10 attempts failed and stays open
 * 10 s; meanwhile authorisations are declined at once (PROCESSOR_UNAVAILABLE) and the processor is not called.</li>
 * <li>{@code @Fallback}: an authorisation that still failed is declined ({@link DeclineWhenProcessorFails}), so an
 * order is never left waiting; if any attempt reached the processor the outcome is unknown and the caller voids the
 * reference first ({@link #voidByReference}). Capture, void and refund have no fallback: their failure fails the
 * message, which the broker redelivers and finally dead-letters for an operator to replay (money must not be left
 * un-captured or un-refunded silently). A failed void by reference is left to {@link UnknownOutcomes}.</li>
 * </ul>
 * The annotations sit on each method, not on the class: Payara 6 checks a class-level {@code @Asynchronous} against
 * the class's synthetic lambda methods too and refuses the deployment. Every value is MicroProfile FT config per
 * method, e.g. {@code com.forno.pizzeria.payments.charges.control.Acquirer/authorize/Timeout/value},
 * {@code …/Acquirer/authorize/Retry/maxRetries}, {@code …/Acquirer/authorize/CircuitBreaker/delay}, or the same as an
 * environment variable ({@code COM_FORNO_PIZZERIA_PAYMENTS_CHARGES_CONTROL_ACQUIRER_AUTHORIZE_CIRCUITBREAKER_DELAY}).
 */
@ApplicationScoped
public class Acquirer {

    @Inject
    CardProcessor processor;

    @Inject
    PaymentMetrics metrics;

    /** Never completes exceptionally for a processor failure: the answer is then a decline (see the fallback). */
    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessorFailure.class, TimeoutException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000,
            failOn = {ProcessorFailure.class, TimeoutException.class})
    @Fallback(value = DeclineWhenProcessorFails.class,
            applyOn = {ProcessorFailure.class, TimeoutException.class, CircuitBreakerOpenException.class})
    public CompletionStage<Authorization> authorize(UUID orderId, long amountCents, String currency, String cardToken,
                                                    ProcessorCalls calls) {
        // the order id is the idempotency key: a retry, or a redelivery after a crash, gets the same hold
        return call("authorize", calls, () -> processor.authorize(orderId.toString(), amountCents, currency, cardToken));
    }

    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessorFailure.class, TimeoutException.class})
    public CompletionStage<Void> capture(String authorizationCode, long amountCents, ProcessorCalls calls) {
        return call("capture", calls, () -> {
            processor.capture(authorizationCode, amountCents);
            return null;
        });
    }

    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessorFailure.class, TimeoutException.class})
    public CompletionStage<Void> voidAuthorization(String authorizationCode, ProcessorCalls calls) {
        return call("void", calls, () -> {
            processor.voidAuthorization(authorizationCode);
            return null;
        });
    }

    /**
     * Releases whatever the processor holds under the order's reference: for an authorisation whose answer never
     * came. No circuit breaker: a void is what a failing processor most needs to receive.
     */
    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessorFailure.class, TimeoutException.class})
    public CompletionStage<Void> voidByReference(UUID orderId, ProcessorCalls calls) {
        return call("void", calls, () -> {
            processor.voidByReference(orderId.toString());
            return null;
        });
    }

    @Asynchronous
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = {ProcessorFailure.class, TimeoutException.class})
    public CompletionStage<Void> refund(String authorizationCode, long amountCents, ProcessorCalls calls) {
        return call("refund", calls, () -> {
            processor.refund(authorizationCode, amountCents);
            return null;
        });
    }

    private <T> CompletionStage<T> call(String operation, ProcessorCalls calls, Supplier<T> request) {
        calls.add();
        metrics.processorCalled(operation);
        try {
            return CompletableFuture.completedFuture(request.get());
        } catch (ProcessorFailure e) {
            // interrupted means our own timeout stopped the call: a slow processor, not a failing one
            metrics.processorFailed(operation, Thread.currentThread().isInterrupted() ? "timeout" : "error");
            throw e;
        }
    }
}
