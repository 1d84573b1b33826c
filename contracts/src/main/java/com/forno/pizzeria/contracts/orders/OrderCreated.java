package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderCreated(UUID orderId, UUID customerId, List<OrderLine> items, long totalCents, Instant createdAt) {
}
