package com.forno.pizzeria.contracts.stock;

import java.util.List;
import java.util.UUID;

/** Orders asks stock to hold every ingredient of these lines, all or nothing. */
public record ReserveStock(UUID orderId, List<Line> lines) {

    public record Line(UUID productId, int quantity) {
    }
}
