package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.entity.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A product as an admin writes it (POST and PUT). A recipe is required: a product that takes no ingredient could
 * be sold for ever, which is exactly what this service exists to prevent. {@code active} defaults to true on
 * creation and is left as it is by a PUT that leaves it out.
 */
public record ProductRequest(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 1000) String description,
        @NotNull @Pattern(regexp = Category.PATTERN, message = "must be PIZZA, DRINK, DESSERT or SIDE") String category,
        @NotNull @Positive @Max(100_000_000) Long priceCents,
        @NotEmpty(message = "must list at least one ingredient") @Size(max = 50) List<@Valid @NotNull RecipeItem> recipe,
        Boolean active,
        @Null(message = "is assigned by the server") Object id,
        @Null(message = "is computed by the server") Object available,
        @Null(message = "is computed by the server") Object soldOut) {
}
