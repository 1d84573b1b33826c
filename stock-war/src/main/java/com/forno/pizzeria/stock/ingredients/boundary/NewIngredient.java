package com.forno.pizzeria.stock.ingredients.boundary;

import com.forno.pizzeria.stock.ingredients.entity.Unit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A new ingredient. Quantities are whole numbers of the unit (grams, millilitres or units). {@code reserved},
 * {@code available} and {@code low} are the server's to compute: a body that sets them is refused.
 */
public record NewIngredient(
        @NotNull @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
        @NotBlank @Size(max = 120) String name,
        @NotNull @Pattern(regexp = Unit.PATTERN, message = "must be g, ml or unit") String unit,
        @NotNull @PositiveOrZero @Max(MAX_QUANTITY) Long onHand,
        @NotNull @PositiveOrZero @Max(MAX_QUANTITY) Long lowStockThreshold,
        @PositiveOrZero @Max(MAX_QUANTITY) Long safetyBuffer,
        @Null(message = "is computed by the server (held for orders)") Object reserved,
        @Null(message = "is computed by the server") Object available,
        @Null(message = "is computed by the server") Object low) {

    public static final String SKU = "[A-Z0-9][A-Z0-9_-]{0,63}";
    public static final String SKU_MESSAGE = "must be 1 to 64 capital letters, digits, '-' or '_', starting with a letter or digit";
    /** 10^12 base units (a thousand tonnes): far beyond a pizzeria, far below an overflow */
    public static final long MAX_QUANTITY = 1_000_000_000_000L;
}
