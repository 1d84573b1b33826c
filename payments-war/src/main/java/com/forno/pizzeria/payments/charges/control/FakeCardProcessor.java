package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.control.FakeProcessorHolds.Hold;
import com.forno.pizzeria.payments.charges.control.FakeProcessorHolds.Status;
import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The built-in processor: answers by the test card tokens of the public API, so every path of the saga can be
 * driven without a real acquirer. {@code tok_approved} is approved; {@code tok_declined} is declined (DECLINED);
 * {@code tok_insufficient_funds} is declined (INSUFFICIENT_FUNDS); {@code tok_error} fails like a 5xx;
 * {@code tok_slow} is approved after 3 s; any other token is declined (INVALID_CARD).
 * <p>
 * It keeps its holds as an acquirer does, in books of its own ({@link FakeProcessorHolds}), so that what payments
 * leaves held at the processor can be seen: an approval holds the amount under the reference (the same reference
 * answers the same hold, never a second one), capture, void and refund move it, and repeating one of them changes
 * nothing. {@code tok_slow} acts first and answers late, like a processor whose answer is lost: a caller that gives
 * up waiting leaves the hold behind. A reference voided before (or without) a hold is spent: an authorisation under
 * it is declined CANCELLED. Failures of capture, void and refund can be switched on per reference in
 * {@code fake_processor_faults}, for tests and fault drills.
 */
@ApplicationScoped
public class FakeCardProcessor implements CardProcessor {

    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    /** How the fake waits; unit tests replace it to not wait. */
    interface Pause {
        void of(Duration duration) throws InterruptedException;
    }

    Pause pause = duration -> Thread.sleep(duration.toMillis());

    @Inject
    FakeProcessorHolds holds;

    @Override
    public Authorization authorize(String reference, long amountCents, String currency, String cardToken) {
        return switch (cardToken == null ? "" : cardToken) {
            case "tok_approved" -> hold(reference, amountCents, currency);
            case "tok_declined" -> Authorization.declined(DeclineReason.DECLINED);
            case "tok_insufficient_funds" -> Authorization.declined(DeclineReason.INSUFFICIENT_FUNDS);
            case "tok_error" -> throw new ProcessorFailure("the card processor answered 502 Bad Gateway");
            case "tok_slow" -> {
                Authorization answer = hold(reference, amountCents, currency);
                waitFor(SLOW_ANSWER);
                yield answer;
            }
            default -> Authorization.declined(DeclineReason.INVALID_CARD);
        };
    }

    @Override
    public void capture(String authorizationCode, long amountCents) {
        settle(authorizationCode, "capture", Status.CAPTURED);
    }

    @Override
    public void voidAuthorization(String authorizationCode) {
        settle(authorizationCode, "void", Status.VOIDED);
    }

    @Override
    public void refund(String authorizationCode, long amountCents) {
        settle(authorizationCode, "refund", Status.REFUNDED);
    }

    @Override
    public void voidByReference(String reference) {
        failIfInjected(reference, "void");
        if (!holds.tombstone(reference)) {
            moveTo(holds.byReference(reference).orElseThrow(), Status.VOIDED);
        }
    }

    private Authorization hold(String reference, long amountCents, String currency) {
        Hold hold = holds.hold(reference, codeFor(reference), amountCents, currency);
        return hold.status() == Status.VOIDED
                ? Authorization.declined(DeclineReason.CANCELLED)
                : Authorization.approved(hold.code());
    }

    private void settle(String authorizationCode, String operation, Status target) {
        Hold hold = holds.byCode(authorizationCode).orElseThrow(() ->
                new IllegalArgumentException("not an authorisation of this processor: " + authorizationCode));
        failIfInjected(hold.reference(), operation);
        moveTo(hold, target);
    }

    /** Done when the hold is there already (a repeat); refused when the processor makes no such move. */
    private void moveTo(Hold hold, Status target) {
        Hold current = hold;
        while (current.status() != target) {
            if (!current.status().mayBecome(target)) {
                throw new IllegalStateException("the authorisation under " + current.reference() + " is "
                        + current.status() + ": it cannot become " + target);
            }
            if (holds.move(current.reference(), current.status(), target)) {
                return;
            }
            // another request moved it meanwhile: decide again on what it is now
            current = holds.byReference(current.reference()).orElseThrow();
        }
    }

    private void failIfInjected(String reference, String operation) {
        if (holds.failureInjected(reference, operation)) {
            throw new ProcessorFailure("the card processor answered 503 Service Unavailable to a " + operation);
        }
    }

    private static String codeFor(String reference) {
        return "auth_" + UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8));
    }

    private void waitFor(Duration duration) {
        try {
            pause.of(duration);
        } catch (InterruptedException e) {
            // our caller gave up on us (a Fault Tolerance timeout): keep the flag for it, and answer nothing
            Thread.currentThread().interrupt();
            throw new ProcessorFailure("interrupted while waiting for the card processor", e);
        }
    }
}
