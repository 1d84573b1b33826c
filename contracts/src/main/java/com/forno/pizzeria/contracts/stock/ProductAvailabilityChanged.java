package com.forno.pizzeria.contracts.stock;

import java.util.UUID;

/** A product went out of sale (sold out, "86") or came back. */
public record ProductAvailabilityChanged(UUID productId, String name, long available, boolean soldOut) {
}
