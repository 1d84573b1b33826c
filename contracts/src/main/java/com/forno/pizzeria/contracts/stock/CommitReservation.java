package com.forno.pizzeria.contracts.stock;

import java.util.UUID;

/** The order is confirmed: what is held becomes sold. */
public record CommitReservation(UUID orderId) {
}
