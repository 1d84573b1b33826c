package com.forno.pizzeria.ai.chat.entity;

import java.util.List;

/**
 * What a question narrows its figure to, as the tools understand it, and what it names that no tool can narrow
 * by. An answer states both: it never gives a broader figure as if it were the one asked for.
 *
 * @param category a menu category (PIZZA, DRINK, DESSERT, SIDE) or null
 * @param product  a menu product's name, as on the menu, or null
 * @param ingredient an ingredient's SKU, or null
 * @param status   an order status (PREPARING, OUT_FOR_DELIVERY...) or null
 * @param customer a customer's name, as registered (every customer of that name), or null
 * @param compare  a second period to compare with, or null
 * @param without  what the question names that the tool cannot filter by (payment_method, neighbourhood, ...)
 */
public record Filters(String category, String product, String ingredient, String status, String customer,
                      Window compare, List<String> without) {

    public static final Filters NONE = new Filters(null, null, null, null, null, null, List.of());

    public Filters {
        without = List.copyOf(without == null ? List.of() : without);
    }
}
