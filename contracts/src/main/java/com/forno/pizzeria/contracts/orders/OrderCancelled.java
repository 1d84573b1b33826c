package com.forno.pizzeria.contracts.orders;

import java.time.Instant;
import java.util.UUID;

public record OrderCancelled(UUID orderId, UUID customerId, String reason, Instant cancelledAt) {
}
