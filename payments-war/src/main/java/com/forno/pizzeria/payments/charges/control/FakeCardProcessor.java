package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The built-in processor: answers by the test card tokens of the public API, so every path of the saga can be
 * driven without a real acquirer. {@code tok_approved} is approved; {@code tok_declined} is declined (DECLINED);
 * {@code tok_insufficient_funds} is declined (INSUFFICIENT_FUNDS); {@code tok_error} fails like a 5xx;
 * {@code tok_slow} is approved after 3 s; any other token is declined (INVALID_CARD).
 * <p>
 * Stateless on purpose: the authorisation code is derived from the reference, so the same reference always gets
 * the same code (the idempotency a real acquirer offers), and a restart between authorising and capturing loses
 * nothing.
 */
@ApplicationScoped
public class FakeCardProcessor implements CardProcessor {

    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    /** How the fake waits; unit tests replace it to not wait. */
    interface Pause {
        void of(Duration duration) throws InterruptedException;
    }

    Pause pause = duration -> Thread.sleep(duration.toMillis());

    @Override
    public Authorization authorize(String reference, long amountCents, String currency, String cardToken) {
        return switch (cardToken == null ? "" : cardToken) {
            case "tok_approved" -> approve(reference);
            case "tok_declined" -> Authorization.declined(DeclineReason.DECLINED);
            case "tok_insufficient_funds" -> Authorization.declined(DeclineReason.INSUFFICIENT_FUNDS);
            case "tok_error" -> throw new ProcessorFailure("the card processor answered 502 Bad Gateway");
            case "tok_slow" -> {
                waitFor(SLOW_ANSWER);
                yield approve(reference);
            }
            default -> Authorization.declined(DeclineReason.INVALID_CARD);
        };
    }

    @Override
    public void capture(String authorizationCode, long amountCents) {
        requireCode(authorizationCode);
    }

    @Override
    public void voidAuthorization(String authorizationCode) {
        requireCode(authorizationCode);
    }

    @Override
    public void refund(String authorizationCode, long amountCents) {
        requireCode(authorizationCode);
    }

    private static Authorization approve(String reference) {
        return Authorization.approved("auth_" + UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8)));
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

    private static void requireCode(String authorizationCode) {
        if (authorizationCode == null || !authorizationCode.startsWith("auth_")) {
            throw new IllegalArgumentException("not an authorisation of this processor: " + authorizationCode);
        }
    }
}
