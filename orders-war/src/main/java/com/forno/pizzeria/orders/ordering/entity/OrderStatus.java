package com.forno.pizzeria.orders.ordering.entity;

import java.util.Set;

/** Where an order stands. The saga decides the first three moves; the kitchen the last three. */
public enum OrderStatus {
    PENDING, AWAITING_PAYMENT, CONFIRMED, PREPARING, OUT_FOR_DELIVERY, DELIVERED, REJECTED, CANCELLED;

    /** Still waiting for the saga: stock or payment has not answered. */
    public boolean undecided() {
        return this == PENDING || this == AWAITING_PAYMENT;
    }

    /** Nothing more will happen to it. */
    public boolean terminal() {
        return this == DELIVERED || this == REJECTED || this == CANCELLED;
    }

    /** The kitchen's steps, each only from the one before. */
    public static final Set<OrderStatus> KITCHEN_STEPS = Set.of(PREPARING, OUT_FOR_DELIVERY, DELIVERED);

    public OrderStatus previousKitchenStep() {
        return switch (this) {
            case PREPARING -> CONFIRMED;
            case OUT_FOR_DELIVERY -> PREPARING;
            case DELIVERED -> OUT_FOR_DELIVERY;
            default -> throw new IllegalArgumentException(this + " is not a kitchen step");
        };
    }
}
