package com.forno.pizzeria.users.accounts.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record RoleChange(@NotNull @Pattern(regexp = "customer|kitchen|admin", message = "must be customer, kitchen or admin")
                         String role) {
}
