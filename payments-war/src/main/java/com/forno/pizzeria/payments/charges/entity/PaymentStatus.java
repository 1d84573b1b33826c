package com.forno.pizzeria.payments.charges.entity;

/**
 * Where a payment stands. {@code AUTHORIZED → CAPTURED} when the order is confirmed; {@code AUTHORIZED → VOIDED}
 * (hold released) or {@code CAPTURED → REFUNDED} when it is cancelled. {@code DECLINED} is final: nothing was held.
 */
public enum PaymentStatus {
    AUTHORIZED,
    CAPTURED,
    DECLINED,
    VOIDED,
    REFUNDED;

    /** Money is held or taken: the customer's card was charged or may still be. */
    public boolean holdsMoney() {
        return this == AUTHORIZED || this == CAPTURED;
    }
}
