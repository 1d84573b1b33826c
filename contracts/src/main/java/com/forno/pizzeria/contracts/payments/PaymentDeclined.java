package com.forno.pizzeria.contracts.payments;

import java.util.UUID;

/** Nothing was charged; {@code reason} is e.g. DECLINED, INSUFFICIENT_FUNDS, PROCESSOR_ERROR, PROCESSOR_UNAVAILABLE. */
public record PaymentDeclined(UUID orderId, UUID paymentId, String reason) {
}
