package com.forno.pizzeria.payments.charges.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import java.lang.reflect.Method;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class DeclineWhenProcessorFailsTest {

    @Test
    void retriesThatKeptFailingAreAProcessorError() {
        assertThat(DeclineWhenProcessorFails.reasonFor(new ProcessorFailure("502")))
                .isEqualTo(DeclineReason.PROCESSOR_ERROR);
    }

    @Test
    void retriesThatKeptTimingOutAreAProcessorTimeout() {
        assertThat(DeclineWhenProcessorFails.reasonFor(new TimeoutException()))
                .isEqualTo(DeclineReason.PROCESSOR_TIMEOUT);
    }

    @Test
    void anOpenCircuitIsAnUnavailableProcessor() {
        assertThat(DeclineWhenProcessorFails.reasonFor(new CircuitBreakerOpenException()))
                .isEqualTo(DeclineReason.PROCESSOR_UNAVAILABLE);
    }

    @Test
    void theFallbackAnswersADeclineRightAway() throws Exception {
        var answer = new DeclineWhenProcessorFails().handle(context(new TimeoutException()));

        assertThat(answer.toCompletableFuture().get()).isEqualTo(Authorization.declined(DeclineReason.PROCESSOR_TIMEOUT));
    }

    private static ExecutionContext context(Throwable failure) {
        return new ExecutionContext() {
            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[] {UUID.randomUUID(), 4590L, "BRL", "tok_slow", new ProcessorCalls()};
            }

            @Override
            public Throwable getFailure() {
                return failure;
            }
        };
    }
}
