package com.forno.pizzeria.payments.charges.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.payments.charges.control.FakeProcessorHolds.Hold;
import com.forno.pizzeria.payments.charges.control.FakeProcessorHolds.Status;
import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's answers and its books, with the books in memory (their SQL runs in the container tests). */
class FakeCardProcessorTest {

    final FakeCardProcessor processor = new FakeCardProcessor();
    final InMemoryHolds holds = new InMemoryHolds();
    final List<Duration> pauses = new ArrayList<>();

    {
        processor.pause = pauses::add;
        processor.holds = holds;
    }

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void approvesTheApprovedCardAndHoldsTheAmount() {
        Authorization answer = authorize("order-1", "tok_approved");

        assertThat(answer.approved()).isTrue();
        assertThat(answer.code()).startsWith("auth_");
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.HELD);
        assertThat(pauses).isEmpty();
    }

    @Test
    void declinesTheDeclinedCardAndHoldsNothing() {
        assertThat(authorize("order-1", "tok_declined")).isEqualTo(Authorization.declined(DeclineReason.DECLINED));
        assertThat(holds.rows).isEmpty();
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
        assertThat(holds.rows).isEmpty();
    }

    @Test
    void answersTheSlowCardAfterThreeSeconds() {
        Authorization answer = authorize("order-1", "tok_slow");

        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(answer.approved()).isTrue();
    }

    @Test
    void aSlowCallThatIsInterruptedFailsKeepsTheInterruptAndLeavesTheHoldBehind() {
        processor.pause = duration -> {
            throw new InterruptedException("timed out");
        };

        assertThatThrownBy(() -> authorize("order-1", "tok_slow")).isInstanceOf(ProcessorFailure.class);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(holds.statusOf("order-1")).as("the processor acted before its answer was lost").isEqualTo(Status.HELD);
    }

    @Test
    void theSameReferenceGetsTheSameHoldAndAnotherReferenceAnother() {
        String first = authorize("order-1", "tok_approved").code();

        assertThat(authorize("order-1", "tok_approved").code()).isEqualTo(first);
        assertThat(authorize("order-1", "tok_slow").code()).isEqualTo(first);
        assertThat(authorize("order-2", "tok_approved").code()).isNotEqualTo(first);
        assertThat(holds.rows).hasSize(2);
    }

    @Test
    void aHoldIsCapturedAndThenRefundedAndEveryRepeatChangesNothing() {
        String code = authorize("order-1", "tok_approved").code();

        processor.capture(code, 4590);
        processor.capture(code, 4590);
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.CAPTURED);

        processor.refund(code, 4590);
        processor.refund(code, 4590);
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.REFUNDED);
    }

    @Test
    void aVoidedHoldIsNeverCapturedAndACapturedOneNeverVoided() {
        String voided = authorize("order-1", "tok_approved").code();
        String captured = authorize("order-2", "tok_approved").code();

        processor.voidAuthorization(voided);
        processor.voidAuthorization(voided);
        processor.capture(captured, 4590);

        assertThat(holds.statusOf("order-1")).isEqualTo(Status.VOIDED);
        assertThatThrownBy(() -> processor.capture(voided, 4590)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> processor.voidAuthorization(captured)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> processor.voidByReference("order-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settlesOnlyItsOwnAuthorizations() {
        assertThatThrownBy(() -> processor.capture("somebody-elses", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVoidByReferenceReleasesTheHoldAndIsSafeToRepeat() {
        authorize("order-1", "tok_slow");

        processor.voidByReference("order-1");
        processor.voidByReference("order-1");

        assertThat(holds.statusOf("order-1")).isEqualTo(Status.VOIDED);
    }

    @Test
    void aVoidByReferenceWithNothingHeldSpendsTheReference() {
        processor.voidByReference("order-1");

        assertThat(authorize("order-1", "tok_approved")).isEqualTo(Authorization.declined(DeclineReason.CANCELLED));
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.VOIDED);
        assertThat(holds.rows.get("order-1").code()).as("nothing was ever held").isNull();
    }

    @Test
    void injectedFailuresFailTheVoidBeforeItActsUntilTheyAreUsedUp() {
        String code = authorize("order-1", "tok_approved").code();
        holds.faults.put("order-1/void", 2);

        assertThatThrownBy(() -> processor.voidByReference("order-1")).isInstanceOf(ProcessorFailure.class);
        assertThatThrownBy(() -> processor.voidAuthorization(code)).isInstanceOf(ProcessorFailure.class);
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.HELD);

        processor.voidByReference("order-1");
        assertThat(holds.statusOf("order-1")).isEqualTo(Status.VOIDED);
    }

    @Test
    void aProcessorMovesAHoldOnlyForward() {
        assertThat(Status.HELD.mayBecome(Status.CAPTURED)).isTrue();
        assertThat(Status.HELD.mayBecome(Status.VOIDED)).isTrue();
        assertThat(Status.CAPTURED.mayBecome(Status.REFUNDED)).isTrue();
        assertThat(Status.HELD.mayBecome(Status.REFUNDED)).isFalse();
        assertThat(Status.CAPTURED.mayBecome(Status.VOIDED)).isFalse();
        assertThat(Status.VOIDED.mayBecome(Status.CAPTURED)).isFalse();
        assertThat(Status.REFUNDED.mayBecome(Status.HELD)).isFalse();
    }

    private Authorization authorize(String reference, String token) {
        return processor.authorize(reference, 4590, "BRL", token);
    }

    /** The books as a map: the same answers as the tables, without a database. */
    static class InMemoryHolds extends FakeProcessorHolds {
        final Map<String, Hold> rows = new HashMap<>();
        final Map<String, Integer> faults = new HashMap<>();

        Status statusOf(String reference) {
            return rows.get(reference).status();
        }

        @Override
        public Hold hold(String reference, String code, long amountCents, String currency) {
            return rows.computeIfAbsent(reference, r -> new Hold(r, code, Status.HELD));
        }

        @Override
        public boolean tombstone(String reference) {
            return rows.putIfAbsent(reference, new Hold(reference, null, Status.VOIDED)) == null;
        }

        @Override
        public Optional<Hold> byReference(String reference) {
            return Optional.ofNullable(rows.get(reference));
        }

        @Override
        public Optional<Hold> byCode(String code) {
            return rows.values().stream().filter(hold -> code.equals(hold.code())).findFirst();
        }

        @Override
        public boolean move(String reference, Status from, Status to) {
            Hold hold = rows.get(reference);
            if (hold == null || hold.status() != from) {
                return false;
            }
            rows.put(reference, new Hold(reference, hold.code(), to));
            return true;
        }

        @Override
        public boolean failureInjected(String reference, String operation) {
            String key = reference + "/" + operation;
            int left = faults.getOrDefault(key, 0);
            if (left == 0) {
                return false;
            }
            faults.put(key, left - 1);
            return true;
        }
    }
}
