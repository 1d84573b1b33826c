package com.forno.pizzeria.contracts.orders;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The order ended without a sale, or its sale was undone: {@code reason} is the order's (PAYMENT_DECLINED, EXPIRED,
 * CANCELLED_BY_CUSTOMER, CANCELLED_BY_ADMIN, OUT_OF_STOCK when stock lost a confirmed order's hold);
 * {@code paymentReason} the processor's words for a decline, {@code shortages} what stock lacked. {@code seq}: its
 * place in the order's timeline.
 */
public record OrderCancelled(UUID orderId, UUID customerId, String reason, Instant cancelledAt, int seq,
                             String paymentReason, List<Shortage> shortages) {
}
