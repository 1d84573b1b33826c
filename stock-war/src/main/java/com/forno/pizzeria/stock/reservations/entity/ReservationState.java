package com.forno.pizzeria.stock.reservations.entity;

/**
 * Where an order's reservation stands. HELD moves on; so does EXPIRED, once: when the order's confirmation comes
 * after all (to COMMITTED if its ingredients can be held again, else to LOST), or when the order goes away (to
 * RELEASED). The others are final.
 */
public enum ReservationState {
    /** the ingredients are held until the reservation's expiry */
    HELD,
    /** the order was confirmed: what was held was sold */
    COMMITTED,
    /**
     * the order went away before it was confirmed, or after its hold expired (or its release came before its
     * reservation: a tombstone)
     */
    RELEASED,
    /** nobody confirmed it in time: the sweeper gave the ingredients back */
    EXPIRED,
    /**
     * the order was confirmed after its hold expired and its ingredients were no longer there (or stock never held
     * anything for it): nothing is held, and orders was told so (ReservationLost)
     */
    LOST,
    /** nothing was held: a product could not be sold, or an ingredient was short */
    REJECTED
}
