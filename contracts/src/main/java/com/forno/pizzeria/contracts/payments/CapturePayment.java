package com.forno.pizzeria.contracts.payments;

import java.util.UUID;

/** The order is confirmed: take the authorised amount. */
public record CapturePayment(UUID orderId) {
}
