package com.forno.pizzeria.contracts.orders;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record OrderRejected(UUID orderId, UUID customerId, String reason, List<Shortage> shortages, Instant rejectedAt) {
}
