package com.forno.pizzeria.contracts.stock;

import java.util.UUID;

/** The order will not go ahead: what is held goes back to stock. */
public record ReleaseReservation(UUID orderId, String reason) {
}
