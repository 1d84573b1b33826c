package com.forno.pizzeria.contracts.stock;

import java.time.Instant;
import java.util.UUID;

/** Every ingredient of the order is held until {@code expiresAt}, unless committed or released before. */
public record StockReserved(UUID orderId, Instant expiresAt) {
}
