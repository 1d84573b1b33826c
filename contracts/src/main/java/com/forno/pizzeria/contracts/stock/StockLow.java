package com.forno.pizzeria.contracts.stock;

/** An ingredient's free quantity crossed its low-stock threshold (either way: {@code low} says which). */
public record StockLow(String sku, String name, long available, long threshold, boolean low) {
}
