package com.forno.pizzeria.stock.reservations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How much of one ingredient is held for the order (all its lines and products summed). */
@Embeddable
public class ReservationLine {

    @Column(name = "ingredient_sku")
    private String sku;
    private long quantity;

    protected ReservationLine() {
    }

    public ReservationLine(String sku, long quantity) {
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
