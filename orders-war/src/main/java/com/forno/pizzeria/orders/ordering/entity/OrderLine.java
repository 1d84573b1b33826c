package com.forno.pizzeria.orders.ordering.entity;

import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One product of an order, priced when the order was placed (from stock's menu, never from the client). */
@Embeddable
public class OrderLine {

    private UUID productId;
    private String name;
    private int quantity;
    private long unitPriceCents;

    protected OrderLine() {
    }

    public OrderLine(UUID productId, String name, int quantity, long unitPriceCents) {
        this.productId = productId;
        this.name = name;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
    }

    public UUID productId() {
        return productId;
    }

    public String name() {
        return name;
    }

    public int quantity() {
        return quantity;
    }

    public long unitPriceCents() {
        return unitPriceCents;
    }

    public long totalCents() {
        return unitPriceCents * quantity;
    }
}
