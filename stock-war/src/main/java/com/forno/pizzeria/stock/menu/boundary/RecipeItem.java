package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.ingredients.boundary.NewIngredient;
import com.forno.pizzeria.stock.menu.entity.RecipeLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One line of a recipe: how much of the ingredient {@code sku} (in its unit) one unit of the product takes. */
public record RecipeItem(@NotBlank String sku, @NotNull @Positive @Max(NewIngredient.MAX_QUANTITY) Long quantity) {

    public RecipeLine toLine() {
        return new RecipeLine(sku, quantity);
    }

    public static RecipeItem from(RecipeLine line) {
        return new RecipeItem(line.sku(), line.quantity());
    }
}
