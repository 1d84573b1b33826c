package com.forno.pizzeria.orders.ordering.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record StatusChange(
        @NotNull @Pattern(regexp = "PREPARING|OUT_FOR_DELIVERY|DELIVERED",
                message = "must be PREPARING, OUT_FOR_DELIVERY or DELIVERED") String status) {
}
