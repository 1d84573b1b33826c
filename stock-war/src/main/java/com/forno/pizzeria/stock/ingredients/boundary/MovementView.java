package com.forno.pizzeria.stock.ingredients.boundary;

import com.forno.pizzeria.stock.ingredients.entity.Movement;
import java.time.Instant;
import java.util.UUID;

/** A ledger line: the change of on hand and reserved, the balances after it, and who, when, why, which order. */
public record MovementView(UUID id, String sku, String type, long onHandDelta, long reservedDelta, long onHandAfter,
                           long reservedAfter, UUID orderId, String reason, String actor, Instant at) {

    public static MovementView from(Movement movement) {
        return new MovementView(movement.id(), movement.sku(), movement.type().name(), movement.onHandDelta(),
                movement.reservedDelta(), movement.onHandAfter(), movement.reservedAfter(), movement.orderId(),
                movement.reason(), movement.actor(), movement.occurredAt());
    }
}
