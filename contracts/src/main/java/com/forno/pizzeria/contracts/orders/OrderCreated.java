package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was placed (its timeline's first entry, PENDING, {@code seq} 0). {@code channel}: {@code WEB}, or
 * {@code PARTNER} with the {@code partner}'s name; absent in events from before partners (read as WEB).
 */
public record OrderCreated(UUID orderId, UUID customerId, List<OrderLine> items, long totalCents, Instant createdAt,
                           DeliveryAddress deliveryAddress, String channel, String partner) {
}
