package com.forno.pizzeria.stock.menu.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How much of one ingredient (in its base unit) one unit of a product takes. */
@Embeddable
public class RecipeLine {

    @Column(name = "ingredient_sku")
    private String sku;
    private long quantity;

    protected RecipeLine() {
    }

    public RecipeLine(String sku, long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a recipe line takes a positive quantity, was " + quantity);
        }
        this.sku = sku;
        this.quantity = quantity;
    }

    public String sku() {
        return sku;
    }

    public long quantity() {
        return quantity;
    }
}
