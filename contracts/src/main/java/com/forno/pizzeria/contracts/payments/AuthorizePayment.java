package com.forno.pizzeria.contracts.payments;

import java.util.UUID;

/** Orders asks payments to authorise (hold) the order's total on the customer's card. */
public record AuthorizePayment(UUID orderId, UUID customerId, long amountCents, String currency, String cardToken) {
}
