package com.forno.pizzeria.stock.ingredients.boundary;

import com.forno.pizzeria.stock.ingredients.entity.MovementType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A movement recorded by hand: RESTOCK (a positive quantity arrives), WASTE (a positive quantity is thrown away) or
 * ADJUSTMENT (a signed correction after a count). Every one says why.
 */
public record NewMovement(
        @NotNull @Pattern(regexp = MovementType.MANUAL_PATTERN, message = "must be RESTOCK, WASTE or ADJUSTMENT") String type,
        @NotNull @Min(-NewIngredient.MAX_QUANTITY) @Max(NewIngredient.MAX_QUANTITY) Long quantity,
        @NotBlank @Size(max = 500) String reason) {
}
