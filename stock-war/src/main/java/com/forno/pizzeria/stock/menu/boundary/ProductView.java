package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.control.Availability;
import com.forno.pizzeria.stock.menu.entity.Product;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A product as an admin sees it: what the menu shows plus its recipe, whether it is active and its manual 86
 * ({@code manuallySoldOut}; {@code soldOutUntil} null means until lifted).
 */
public record ProductView(UUID id, String name, String description, String category, long priceCents, boolean active,
                          List<RecipeItem> recipe, long available, boolean soldOut, boolean manuallySoldOut,
                          Instant soldOutUntil) {

    public static ProductView from(Product product, Availability.Row now) {
        return new ProductView(product.id(), product.name(), product.description(), product.category().name(),
                product.priceCents(), product.active(), product.recipe().stream().map(RecipeItem::from).toList(),
                now.available(), now.soldOut(), now.manuallySoldOut(),
                now.manuallySoldOut() ? product.soldOutUntil() : null);
    }
}
