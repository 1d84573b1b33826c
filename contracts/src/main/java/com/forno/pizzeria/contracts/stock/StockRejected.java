package com.forno.pizzeria.contracts.stock;

import java.util.List;
import java.util.UUID;

/** Nothing was held: the listed ingredients are short (or a product cannot be sold now). */
public record StockRejected(UUID orderId, String reason, List<Shortage> shortages) {

    /** An ingredient of which less is free than needed; {@code name} as stock calls it (absent in older messages). */
    public record Shortage(String sku, long needed, long available, String name) {
    }
}
