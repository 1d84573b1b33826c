package com.forno.pizzeria.ai.chat.entity;

import java.util.List;
import java.util.UUID;

/**
 * What a question may name, read from the analytics views before it is routed: the menu, the ingredients and the
 * customers (id and name only). The router matches names against it; the tools turn names into ids with it.
 */
public record Catalog(List<Product> products, List<Ingredient> ingredients, List<Customer> customers) {

    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of());

    public record Product(UUID id, String name, String category) {
    }

    public record Ingredient(String sku, String name) {
    }

    public record Customer(UUID id, String name) {
    }

    public List<Product> productsNamed(String name) {
        return products.stream().filter(p -> p.name().equalsIgnoreCase(name)).toList();
    }

    public List<Customer> customersNamed(String name) {
        return customers.stream().filter(c -> c.name() != null && c.name().equalsIgnoreCase(name)).toList();
    }
}
