package com.forno.pizzeria.payments.charges.entity;

/** Why nothing was charged; travels as {@code PaymentDeclined.reason} and is kept in {@code payments.reason}. */
public enum DeclineReason {
    /** The issuer refused the card. */
    DECLINED,
    INSUFFICIENT_FUNDS,
    /** The processor does not know the card (an unknown or malformed token). */
    INVALID_CARD,
    /** The processor kept failing (5xx-like) after our retries. */
    PROCESSOR_ERROR,
    /** The processor kept answering too late after our retries. */
    PROCESSOR_TIMEOUT,
    /** Our circuit breaker is open after repeated processor failures: declined at once, the processor not asked. */
    PROCESSOR_UNAVAILABLE,
    /** The order was cancelled (a void came first): nothing may be charged for it. */
    CANCELLED
}
