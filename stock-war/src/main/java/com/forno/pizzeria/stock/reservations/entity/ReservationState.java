package com.forno.pizzeria.stock.reservations.entity;

/** Where an order's reservation stands. Only HELD moves on; the others are final. */
public enum ReservationState {
    /** the ingredients are held until the reservation's expiry */
    HELD,
    /** the order was confirmed: what was held was sold */
    COMMITTED,
    /** the order went away before it was confirmed (or its release came before its reservation: a tombstone) */
    RELEASED,
    /** nobody confirmed it in time: the sweeper gave the ingredients back */
    EXPIRED,
    /** nothing was held: a product could not be sold, or an ingredient was short */
    REJECTED
}
