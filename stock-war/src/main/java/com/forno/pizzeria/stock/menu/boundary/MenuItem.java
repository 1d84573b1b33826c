package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.control.Availability;
import java.util.UUID;

/**
 * One line of the menu. {@code available}: how many units the ingredients make now (what is not held for other
 * orders, less the safety buffers). {@code soldOut}: not for sale now, because nothing can be made or because it is
 * 86'd by hand; a client must check it, not only {@code available}.
 */
public record MenuItem(UUID productId, String name, String description, String category, long priceCents,
                       long available, boolean soldOut) {

    public static MenuItem from(Availability.Row row) {
        return new MenuItem(row.id(), row.name(), row.description(), row.category().name(), row.priceCents(),
                row.available(), row.soldOut());
    }
}
