package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of an order that no other event announces: AWAITING_PAYMENT (stock holds it), and the kitchen's PREPARING,
 * OUT_FOR_DELIVERY, DELIVERED. With {@link OrderCreated}, {@link OrderConfirmed}, {@link OrderRejected} and
 * {@link OrderCancelled}, every entry of an order's timeline is one event; {@code seq} is its place there, so a
 * reader that gets them out of order still knows which came last.
 */
public record OrderStatusChanged(UUID orderId, UUID customerId, String status, Instant at, int seq) {
}
