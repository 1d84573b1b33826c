package com.forno.pizzeria.contracts.stock;

import java.util.List;
import java.util.UUID;

/** Nothing was held: the listed ingredients are short (or a product cannot be sold now). */
public record StockRejected(UUID orderId, String reason, List<Shortage> shortages) {

    public record Shortage(String sku, long needed, long available) {
    }
}
