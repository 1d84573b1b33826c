package com.forno.pizzeria.contracts.payments;

import java.util.UUID;

/** The order will not go ahead: cancel the authorisation (or refund a capture). */
public record VoidPayment(UUID orderId, String reason) {
}
