package com.forno.pizzeria.stock.reservations.control;

import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.stock.menu.entity.RecipeLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** The arithmetic of a reservation, apart from the database: what an order needs, and what is short. */
public final class Needs {

    private Needs() {
    }

    /**
     * Units per product over the order's lines (a product on two lines counts once, summed), or empty when the lines
     * make no sense: none, a missing product id, a quantity below 1.
     */
    public static Optional<Map<UUID, Long>> unitsPerProduct(List<ReserveStock.Line> lines) {
        if (lines == null || lines.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Long> units = new LinkedHashMap<>();
        for (ReserveStock.Line line : lines) {
            if (line == null || line.productId() == null || line.quantity() < 1) {
                return Optional.empty();
            }
            units.merge(line.productId(), (long) line.quantity(), Long::sum);
        }
        return Optional.of(units);
    }

    /**
     * The quantity of each ingredient the order needs: for every product, its units times each recipe line, summed
     * per sku. Sorted by sku, the order in which the ingredients are locked. Throws {@link ArithmeticException} on
     * absurd quantities that overflow.
     */
    public static SortedMap<String, Long> perIngredient(Map<UUID, Long> unitsPerProduct,
                                                        Map<UUID, List<RecipeLine>> recipes) {
        SortedMap<String, Long> needs = new TreeMap<>();
        unitsPerProduct.forEach((product, units) -> {
            for (RecipeLine line : recipes.get(product)) {
                needs.merge(line.sku(), Math.multiplyExact(units, line.quantity()), Math::addExact);
            }
        });
        return needs;
    }

    /** The ingredients (in sku order) of which less is free than needed, with how much is free and their names. */
    public static List<Shortage> shortages(SortedMap<String, Long> needs, Map<String, Long> free,
                                           Map<String, String> names) {
        List<Shortage> shortages = new ArrayList<>();
        needs.forEach((sku, needed) -> {
            long available = free.getOrDefault(sku, 0L);
            if (available < needed) {
                shortages.add(new Shortage(sku, needed, available, names.get(sku)));
            }
        });
        return shortages;
    }
}
