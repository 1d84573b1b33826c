package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What everyone's orders say, computed from the order lines of a recent period:
 * <ul>
 * <li>popularity: units sold, each weighted by its age (half-life {@code halfLifeDays}), so last week counts more
 *     than last quarter;</li>
 * <li>orders of the last 7 days per product ("mais pedida da semana");</li>
 * <li>taste neighbours ("who ordered X also ordered Y"): how many customers bought both, against how many bought
 *     each (cosine of the customer sets);</li>
 * <li>complements: how often Y is in the same order as X, given X (a drink with a pizza).</li>
 * </ul>
 */
public final class Signals {

    private final Map<UUID, Double> popularity;
    private final Map<UUID, Long> weekOrders;
    private final Map<UUID, Integer> customersOf;
    private final Map<UUID, Map<UUID, Integer>> customerPairs;
    private final Map<UUID, Integer> ordersOf;
    private final Map<UUID, Map<UUID, Integer>> basketPairs;
    private final double maxPopularity;

    private Signals(Map<UUID, Double> popularity, Map<UUID, Long> weekOrders, Map<UUID, Integer> customersOf,
                    Map<UUID, Map<UUID, Integer>> customerPairs, Map<UUID, Integer> ordersOf,
                    Map<UUID, Map<UUID, Integer>> basketPairs) {
        this.popularity = popularity;
        this.weekOrders = weekOrders;
        this.customersOf = customersOf;
        this.customerPairs = customerPairs;
        this.ordersOf = ordersOf;
        this.basketPairs = basketPairs;
        this.maxPopularity = popularity.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    public static Signals from(Collection<Purchase> purchases, Instant now, double halfLifeDays) {
        Map<UUID, Double> popularity = new HashMap<>();
        Map<UUID, Set<UUID>> weekOrderSets = new HashMap<>();
        Map<UUID, Set<UUID>> customerProducts = new HashMap<>();
        Map<UUID, Set<UUID>> orderProducts = new LinkedHashMap<>();
        Instant weekAgo = now.minus(Duration.ofDays(7));
        for (Purchase purchase : purchases) {
            double ageDays = Math.max(0, Duration.between(purchase.at(), now).toMinutes() / 1440.0);
            popularity.merge(purchase.product(), Math.min(purchase.quantity(), 5) * Math.pow(0.5, ageDays / halfLifeDays),
                    Double::sum);
            if (!purchase.at().isBefore(weekAgo)) {
                weekOrderSets.computeIfAbsent(purchase.product(), p -> new HashSet<>()).add(purchase.order());
            }
            customerProducts.computeIfAbsent(purchase.customer(), c -> new HashSet<>()).add(purchase.product());
            orderProducts.computeIfAbsent(purchase.order(), o -> new HashSet<>()).add(purchase.product());
        }
        Map<UUID, Long> weekOrders = new HashMap<>();
        weekOrderSets.forEach((product, orders) -> weekOrders.put(product, (long) orders.size()));
        Map<UUID, Integer> customersOf = new HashMap<>();
        Map<UUID, Map<UUID, Integer>> customerPairs = new HashMap<>();
        count(customerProducts.values(), customersOf, customerPairs);
        Map<UUID, Integer> ordersOf = new HashMap<>();
        Map<UUID, Map<UUID, Integer>> basketPairs = new HashMap<>();
        count(orderProducts.values(), ordersOf, basketPairs);
        return new Signals(popularity, weekOrders, customersOf, customerPairs, ordersOf, basketPairs);
    }

    private static void count(Collection<Set<UUID>> groups, Map<UUID, Integer> singles,
                              Map<UUID, Map<UUID, Integer>> pairs) {
        for (Set<UUID> group : groups) {
            List<UUID> items = new ArrayList<>(group);
            for (UUID a : items) {
                singles.merge(a, 1, Integer::sum);
                Map<UUID, Integer> row = pairs.computeIfAbsent(a, x -> new HashMap<>());
                for (UUID b : items) {
                    if (!a.equals(b)) {
                        row.merge(b, 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** Recency-weighted popularity, 0..1 (1: the most popular product). */
    public double popularity(UUID product) {
        return maxPopularity == 0 ? 0 : popularity.getOrDefault(product, 0.0) / maxPopularity;
    }

    public long weekOrders(UUID product) {
        return weekOrders.getOrDefault(product, 0L);
    }

    /** Customers who bought {@code a} also bought {@code b}: cosine of the two customer sets, 0..1. */
    public double alsoBought(UUID a, UUID b) {
        int both = customerPairs.getOrDefault(a, Map.of()).getOrDefault(b, 0);
        if (both == 0) {
            return 0;
        }
        return both / Math.sqrt((double) customersOf.get(a) * customersOf.get(b));
    }

    /** Share of the orders with {@code a} that also had {@code b}, 0..1. */
    public double inSameOrder(UUID a, UUID b) {
        int with = ordersOf.getOrDefault(a, 0);
        return with == 0 ? 0 : (double) basketPairs.getOrDefault(a, Map.of()).getOrDefault(b, 0) / with;
    }
}
