package com.forno.pizzeria.contracts.payments;

import com.forno.pizzeria.contracts.Secret;
import java.util.UUID;

/** Orders asks payments to authorise (hold) the order's total on the customer's card. */
public record AuthorizePayment(UUID orderId, UUID customerId, long amountCents, String currency,
                               @Secret String cardToken) {
}
