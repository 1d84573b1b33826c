package com.forno.pizzeria.stock.ingredients.boundary;

import com.forno.pizzeria.stock.ingredients.entity.Ingredient;

/**
 * An ingredient as the API shows it. {@code available} = on hand − reserved − safety buffer, never below 0: what can
 * still be promised to new orders. {@code low}: available is at or below the threshold.
 */
public record IngredientView(String sku, String name, String unit, long onHand, long reserved, long available,
                             long lowStockThreshold, long safetyBuffer, boolean low) {

    public static IngredientView from(Ingredient ingredient) {
        return new IngredientView(ingredient.sku(), ingredient.name(), ingredient.unit().value(), ingredient.onHand(),
                ingredient.reserved(), ingredient.available(), ingredient.lowStockThreshold(),
                ingredient.safetyBuffer(), ingredient.low());
    }
}
