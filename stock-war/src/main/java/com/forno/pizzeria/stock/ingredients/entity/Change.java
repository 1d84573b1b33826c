package com.forno.pizzeria.stock.ingredients.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * Who changed stock, when, why and for which order: what every ledger line records besides the quantities.
 *
 * @param actor   the admin's token subject, or {@link #SYSTEM} for what the service does on its own
 * @param orderId the order a reservation, sale, release or expiry belongs to; null for manual movements
 */
public record Change(String actor, Instant at, String reason, UUID orderId) {

    public static final String SYSTEM = "system";

    public static Change byAdmin(String subject, Instant at, String reason) {
        return new Change(subject, at, reason, null);
    }

    public static Change forOrder(UUID orderId, Instant at, String reason) {
        return new Change(SYSTEM, at, reason, orderId);
    }
}
