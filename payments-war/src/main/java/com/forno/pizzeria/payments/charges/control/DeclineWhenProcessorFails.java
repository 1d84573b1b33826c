package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import jakarta.enterprise.context.Dependent;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * An authorisation the processor could not answer, after every retry, is declined: the customer is not charged
 * and the order is cancelled now instead of waiting for ever. The reason tells operators which failure it was.
 * <p>
 * Whether the processor may have acted decides what the decline needs first. If any attempt reached it, the
 * outcome is unknown ({@link Authorization#unknown}): a timed-out request may have been carried out, and so may one
 * answered with a 5xx (acquirers' gateways answer 502/504 after the authorisation went through), so the reference is
 * voided before the decline. Only when no attempt was made (the circuit was open from the start) is it a plain
 * decline: nothing can be held.
 */
@Dependent
public class DeclineWhenProcessorFails implements FallbackHandler<CompletionStage<Authorization>> {

    private static final System.Logger LOG = System.getLogger(DeclineWhenProcessorFails.class.getName());

    /** Position of the {@link ProcessorCalls} among {@code Acquirer.authorize}'s parameters. */
    private static final int CALLS = 4;

    @Override
    public CompletionStage<Authorization> handle(ExecutionContext context) {
        int calls = ((ProcessorCalls) context.getParameters()[CALLS]).count();
        Authorization answer = answerFor(context.getFailure(), calls);
        // the first parameter is the order id; the card token (a later one) never goes to the log
        LOG.log(answer.declineReason() == DeclineReason.PROCESSOR_UNAVAILABLE ? Level.INFO : Level.WARNING,
                "authorisation of order {0} failed after {1} call(s) with {2}: {3}", context.getParameters()[0], calls,
                answer.outcomeUnknown() ? answer.declineReason() + ", outcome unknown" : answer.declineReason(),
                String.valueOf(context.getFailure()));
        return CompletableFuture.completedFuture(answer);
    }

    static Authorization answerFor(Throwable failure, int callsMade) {
        DeclineReason reason = reasonFor(failure);
        return callsMade > 0 ? Authorization.unknown(reason) : Authorization.declined(reason);
    }

    static DeclineReason reasonFor(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return DeclineReason.PROCESSOR_UNAVAILABLE;
        }
        if (failure instanceof TimeoutException) {
            return DeclineReason.PROCESSOR_TIMEOUT;
        }
        return DeclineReason.PROCESSOR_ERROR;
    }
}
