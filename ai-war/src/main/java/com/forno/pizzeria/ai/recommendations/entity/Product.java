package com.forno.pizzeria.ai.recommendations.entity;

import java.util.List;
import java.util.UUID;

/**
 * A menu item as the recommender sees it: what it is (name, description, category, the names of its
 * ingredients) and whether it can be sold right now (active, not 86'd by hand, at least one unit can be made).
 */
public record Product(UUID id, String name, String description, String category, List<String> ingredients,
                      boolean sellable) {

    public Product {
        ingredients = ingredients == null ? List.of() : List.copyOf(ingredients);
        description = description == null ? "" : description;
    }

    public boolean isPizza() {
        return "PIZZA".equals(category);
    }
}
