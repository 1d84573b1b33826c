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
 */
@Dependent
public class DeclineWhenProcessorFails implements FallbackHandler<CompletionStage<Authorization>> {

    private static final System.Logger LOG = System.getLogger(DeclineWhenProcessorFails.class.getName());

    @Override
    public CompletionStage<Authorization> handle(ExecutionContext context) {
        DeclineReason reason = reasonFor(context.getFailure());
        // the first parameter is the order id; the card token (a later one) never goes to the log
        LOG.log(reason == DeclineReason.PROCESSOR_UNAVAILABLE ? Level.INFO : Level.WARNING,
                "authorisation of order {0} declined with {1}: {2}", context.getParameters()[0], reason,
                String.valueOf(context.getFailure()));
        return CompletableFuture.completedFuture(Authorization.declined(reason));
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
