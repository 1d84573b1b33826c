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
    void aTimeoutOrAnErrorAfterTheProcessorWasAskedIsAnUnknownOutcome() {
        assertThat(DeclineWhenProcessorFails.answerFor(new TimeoutException(), 3))
                .isEqualTo(Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT));
        assertThat(DeclineWhenProcessorFails.answerFor(new ProcessorFailure("502"), 3))
                .isEqualTo(Authorization.unknown(DeclineReason.PROCESSOR_ERROR));
    }

    @Test
    void aCircuitOpenFromTheStartIsAPlainDecline() {
        assertThat(DeclineWhenProcessorFails.answerFor(new CircuitBreakerOpenException(), 0))
                .isEqualTo(Authorization.declined(DeclineReason.PROCESSOR_UNAVAILABLE));
    }

    @Test
    void aCircuitThatOpenedBetweenRetriesLeavesTheEarlierAttemptsUnknown() {
        assertThat(DeclineWhenProcessorFails.answerFor(new CircuitBreakerOpenException(), 1))
                .isEqualTo(Authorization.unknown(DeclineReason.PROCESSOR_UNAVAILABLE));
    }

    @Test
    void theFallbackAnswersRightAwayCountingTheCallsThatWereMade() throws Exception {
        ProcessorCalls calls = new ProcessorCalls();
        calls.add();
        calls.add();
        calls.add();

        var answer = new DeclineWhenProcessorFails().handle(context(new TimeoutException(), calls));

        assertThat(answer.toCompletableFuture().get()).isEqualTo(Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT));
        assertThat(new DeclineWhenProcessorFails().handle(context(new CircuitBreakerOpenException(), new ProcessorCalls()))
                .toCompletableFuture().get()).isEqualTo(Authorization.declined(DeclineReason.PROCESSOR_UNAVAILABLE));
    }

    private static ExecutionContext context(Throwable failure, ProcessorCalls calls) {
        return new ExecutionContext() {
            @Override
            public Method getMethod() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[] {UUID.randomUUID(), 4590L, "BRL", "tok_slow", calls};
            }

            @Override
            public Throwable getFailure() {
                return failure;
            }
        };
    }
}
