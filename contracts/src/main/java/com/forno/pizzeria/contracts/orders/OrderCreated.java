package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order was placed (its timeline's first entry, PENDING, {@code seq} 0). */
public record OrderCreated(UUID orderId, UUID customerId, List<OrderLine> items, long totalCents, Instant createdAt,
                           DeliveryAddress deliveryAddress) {
}
