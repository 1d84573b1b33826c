package com.forno.pizzeria.contracts.payments;

import java.util.UUID;

/** The amount is held on the card. */
public record PaymentAuthorized(UUID orderId, UUID paymentId, long amountCents) {
}
