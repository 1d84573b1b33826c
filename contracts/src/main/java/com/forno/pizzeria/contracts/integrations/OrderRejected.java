package com.forno.pizzeria.contracts.integrations;

import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.util.List;
import java.util.UUID;

/**
 * The order will not be made: one of the two final replies. {@code orderId} is absent when no order was taken
 * ({@code INVALID}, {@code PRICE_MISMATCH}); {@code violations} come with {@code INVALID}, {@code shortages} with
 * {@code OUT_OF_STOCK}.
 */
public record OrderRejected(String partnerOrderId, UUID orderId, String reason, List<Violation> violations,
                            List<Shortage> shortages) {

    public static final String INVALID = "INVALID";
    public static final String PRICE_MISMATCH = "PRICE_MISMATCH";

    public record Violation(String field, String message) {
    }
}
