package com.forno.pizzeria.payments.charges.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeCardProcessorTest {

    final FakeCardProcessor processor = new FakeCardProcessor();
    final List<Duration> pauses = new ArrayList<>();

    {
        processor.pause = pauses::add;
    }

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void approvesTheApprovedCard() {
        Authorization answer = authorize("order-1", "tok_approved");

        assertThat(answer.approved()).isTrue();
        assertThat(answer.code()).startsWith("auth_");
        assertThat(pauses).isEmpty();
    }

    @Test
    void declinesTheDeclinedCard() {
        assertThat(authorize("order-1", "tok_declined")).isEqualTo(Authorization.declined(DeclineReason.DECLINED));
    }

    @Test
    void declinesACardWithoutFunds() {
        assertThat(authorize("order-1", "tok_insufficient_funds"))
                .isEqualTo(Authorization.declined(DeclineReason.INSUFFICIENT_FUNDS));
    }

    @Test
    void declinesCardsItDoesNotKnowAsInvalid() {
        assertThat(authorize("order-1", "tok_stolen")).isEqualTo(Authorization.declined(DeclineReason.INVALID_CARD));
        assertThat(authorize("order-1", "")).isEqualTo(Authorization.declined(DeclineReason.INVALID_CARD));
        assertThat(authorize("order-1", null)).isEqualTo(Authorization.declined(DeclineReason.INVALID_CARD));
    }

    @Test
    void failsLikeAServerErrorForTheErrorCard() {
        assertThatThrownBy(() -> authorize("order-1", "tok_error"))
                .isInstanceOf(ProcessorFailure.class)
                .hasMessageNotContaining("tok_error");
    }

    @Test
    void answersTheSlowCardAfterThreeSeconds() {
        Authorization answer = authorize("order-1", "tok_slow");

        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(answer.approved()).isTrue();
    }

    @Test
    void aSlowCallThatIsInterruptedFailsAndKeepsTheInterrupt() {
        processor.pause = duration -> {
            throw new InterruptedException("timed out");
        };

        assertThatThrownBy(() -> authorize("order-1", "tok_slow")).isInstanceOf(ProcessorFailure.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void theSameReferenceGetsTheSameAuthorizationAndAnotherReferenceAnother() {
        String first = authorize("order-1", "tok_approved").code();

        assertThat(authorize("order-1", "tok_approved").code()).isEqualTo(first);
        assertThat(authorize("order-2", "tok_approved").code()).isNotEqualTo(first);
    }

    @Test
    void settlesOnlyItsOwnAuthorizations() {
        String code = authorize("order-1", "tok_approved").code();

        processor.capture(code, 1000);
        processor.voidAuthorization(code);
        processor.refund(code, 1000);
        assertThatThrownBy(() -> processor.capture("somebody-elses", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    private Authorization authorize(String reference, String token) {
        return processor.authorize(reference, 4590, "BRL", token);
    }
}
