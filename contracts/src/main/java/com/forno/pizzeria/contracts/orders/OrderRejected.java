package com.forno.pizzeria.contracts.orders;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stock could not hold the ingredients: what was short. {@code seq}: its place in the order's timeline. */
public record OrderRejected(UUID orderId, UUID customerId, String reason, List<Shortage> shortages, Instant rejectedAt,
                            int seq) {
}
