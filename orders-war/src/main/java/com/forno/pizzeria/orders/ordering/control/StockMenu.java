package com.forno.pizzeria.orders.ordering.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** Stock's public menu, as a MicroProfile REST Client (built by {@link Menu} with its timeouts). */
@Path("stock/menu")
public interface StockMenu {

    record Item(UUID productId, String name, String description, String category, long priceCents, long available,
                boolean soldOut) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<Item> items();
}
