package com.forno.pizzeria.payments.charges.control;

/**
 * The card processor (acquirer) as payments needs it. Its one implementation today is {@link FakeCardProcessor};
 * the interface exists because a real acquirer's adapter will replace it.
 * <p>
 * Every method may throw {@link ProcessorFailure} (the processor failed, like a 5xx); callers go through
 * {@link Acquirer}, which adds timeouts, retries and the circuit breaker. Because a call can fail after the
 * processor acted, every call must be safe to repeat: an authorisation is keyed by {@code reference} (the same
 * reference answers the same authorisation, never a second hold), and capturing, voiding or refunding what already
 * was must succeed without effect.
 */
public interface CardProcessor {

    /** Asks to hold {@code amountCents} on the card; a refusal is an answer, not an exception. */
    Authorization authorize(String reference, long amountCents, String currency, String cardToken);

    /** Takes the held amount. */
    void capture(String authorizationCode, long amountCents);

    /** Releases the hold; nothing is taken. */
    void voidAuthorization(String authorizationCode);

    /**
     * Releases whatever is held under {@code reference}, for an authorisation whose answer never came (so there is
     * no code to name). Succeeds with nothing to do when nothing is held or the hold is already released; after it,
     * an authorisation under that reference holds nothing.
     */
    void voidByReference(String reference);

    /** Gives back what was taken. */
    void refund(String authorizationCode, long amountCents);
}
