package com.forno.pizzeria.stock.ingredients.entity;

import java.util.Optional;

/**
 * Why on_hand or reserved changed. The first three are what an admin records by hand; the others are written by
 * reservations (RESERVE, RELEASE, EXPIRE) and by a confirmed order (SALE).
 */
public enum MovementType {
    /** goods arrived: on_hand grows */
    RESTOCK,
    /** spoiled, dropped, eaten by the staff: on_hand shrinks */
    WASTE,
    /** a stock count disagreed with the books: on_hand moves either way */
    ADJUSTMENT,
    /** a confirmed order took what was held: on_hand and reserved shrink together */
    SALE,
    /** held for an order: reserved grows */
    RESERVE,
    /** the order went away before it was confirmed: reserved shrinks */
    RELEASE,
    /** the hold ran out of time: reserved shrinks */
    EXPIRE;

    /** Admins may record these by hand. */
    public static final String MANUAL_PATTERN = "RESTOCK|WASTE|ADJUSTMENT";

    /**
     * The change of on_hand that a manual movement of {@code quantity} makes, or why the quantity does not fit the
     * type (RESTOCK and WASTE take a positive quantity, ADJUSTMENT a signed one that is not zero).
     */
    public Delta manualDelta(long quantity) {
        return switch (this) {
            case RESTOCK -> quantity > 0 ? Delta.of(quantity) : Delta.invalid("must be greater than 0 for a restock");
            case WASTE -> quantity > 0 ? Delta.of(-quantity) : Delta.invalid("must be greater than 0 for waste");
            case ADJUSTMENT -> quantity != 0 ? Delta.of(quantity)
                    : Delta.invalid("must not be 0 for an adjustment (positive adds, negative removes)");
            default -> Delta.invalid(name() + " is not recorded by hand");
        };
    }

    /** An on_hand change, or the reason there is none. */
    public record Delta(long onHand, Optional<String> invalid) {

        static Delta of(long onHand) {
            return new Delta(onHand, Optional.empty());
        }

        static Delta invalid(String message) {
            return new Delta(0, Optional.of(message));
        }
    }
}
