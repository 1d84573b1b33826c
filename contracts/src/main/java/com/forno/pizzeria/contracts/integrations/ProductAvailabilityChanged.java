package com.forno.pizzeria.contracts.integrations;

import java.time.Instant;
import java.util.UUID;

/**
 * A product sold out ("86") or came back: every partner hears it on its events queue. {@code available}: how many can
 * be made now, as the menu says.
 */
public record ProductAvailabilityChanged(UUID productId, String name, long available, boolean soldOut, Instant at) {
}
