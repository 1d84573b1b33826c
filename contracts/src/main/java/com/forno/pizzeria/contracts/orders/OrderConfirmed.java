package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stock held and payment authorised: the order is sold. {@code seq}: its place in the order's timeline. */
public record OrderConfirmed(UUID orderId, UUID customerId, List<OrderLine> items, long totalCents, Instant confirmedAt,
                             int seq) {
}
