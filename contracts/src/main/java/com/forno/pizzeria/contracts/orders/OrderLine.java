package com.forno.pizzeria.contracts.orders;

import java.util.UUID;

public record OrderLine(UUID productId, String name, int quantity, long unitPriceCents) {
}
