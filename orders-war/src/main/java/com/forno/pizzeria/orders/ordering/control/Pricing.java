package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.orders.ordering.entity.OrderLine;
import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns what the customer asked for into priced lines, from the menu only: the client never sets a price. */
public final class Pricing {

    public record Wanted(UUID productId, int quantity) {
    }

    /** 422: the request is well-formed but names products the pizzeria does not sell. */
    public static class UnknownProducts extends ProblemException {

        public UnknownProducts(List<UUID> unknown) {
            super(Problem.typed("unknown-products", "Unknown products", 422,
                    "Not on the menu: " + unknown + ". Read GET /stock/menu for what can be ordered."));
        }
    }

    private Pricing() {
    }

    public static List<OrderLine> price(List<Wanted> wanted, Map<UUID, StockMenu.Item> menu) {
        List<UUID> unknown = wanted.stream().map(Wanted::productId).filter(id -> !menu.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProducts(unknown);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Wanted line : wanted) {
            StockMenu.Item item = menu.get(line.productId());
            lines.add(new OrderLine(item.productId(), item.name(), line.quantity(), item.priceCents()));
        }
        return lines;
    }
}
