package com.forno.pizzeria.payments.charges.control;

import java.util.UUID;

/**
 * A capture for an order that was never authorised here. The saga captures only after PaymentAuthorized, so this is
 * a bug or a lost authorisation: the message fails and is dead-lettered rather than silently dropped.
 */
public class UnknownPayment extends IllegalStateException {

    public UnknownPayment(UUID orderId) {
        super("order " + orderId + " has no payment to capture");
    }
}
