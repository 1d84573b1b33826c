package com.forno.pizzeria.contracts.integrations;

import java.time.Instant;
import java.util.UUID;

/** Any other step of a partner's order (PENDING, AWAITING_PAYMENT, the kitchen's steps, a later cancellation). */
public record OrderStatusChanged(String partnerOrderId, UUID orderId, String status, String reason, Instant at) {
}
