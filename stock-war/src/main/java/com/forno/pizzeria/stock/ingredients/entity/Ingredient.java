package com.forno.pizzeria.stock.ingredients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An ingredient and its two quantities: {@code onHand} (physically there) and {@code reserved} (the part of it held
 * for orders not yet confirmed). Every change goes through a method that returns the ledger line describing it:
 * the caller persists that line, so the ledger always sums to the current quantities.
 * <p>
 * Callers hold the row's lock ({@code PESSIMISTIC_WRITE}) before changing it; the checks here (and the table's)
 * are the invariants, not the concurrency control.
 */
@Entity
@Table(name = "ingredient")
public class Ingredient {

    @Id
    private String sku;
    private String name;
    @Convert(converter = UnitConverter.class)
    private Unit unit;
    private long onHand;
    private long reserved;
    private long lowStockThreshold;
    private long safetyBuffer;
    private boolean lowPublished;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Ingredient() {
    }

    /** A new ingredient with nothing on hand yet; its opening stock comes in through {@link #restock}. */
    public Ingredient(String sku, String name, Unit unit, long lowStockThreshold, long safetyBuffer, Instant now) {
        if (lowStockThreshold < 0 || safetyBuffer < 0) {
            throw new IllegalArgumentException("threshold and safety buffer must not be negative");
        }
        this.sku = sku;
        this.name = name;
        this.unit = unit;
        this.lowStockThreshold = lowStockThreshold;
        this.safetyBuffer = safetyBuffer;
        this.lowPublished = low();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * What can still be promised: on hand, minus what is held for orders, minus the safety buffer the kitchen keeps
     * for mistakes and spills. Never below 0 (a buffer larger than the stock means "nothing to sell").
     */
    public static long available(long onHand, long reserved, long safetyBuffer) {
        return Math.max(0, onHand - reserved - safetyBuffer);
    }

    public long available() {
        return available(onHand, reserved, safetyBuffer);
    }

    /** Low when what can be promised is at or below the threshold. */
    public static boolean low(long available, long lowStockThreshold) {
        return available <= lowStockThreshold;
    }

    public boolean low() {
        return low(available(), lowStockThreshold);
    }

    /** Would a change of on_hand by {@code delta} make it negative? */
    public boolean wouldGoNegative(long delta) {
        return onHand + delta < 0;
    }

    /** Would a change of on_hand by {@code delta} leave less than what is held for orders? */
    public boolean wouldGoBelowReserved(long delta) {
        return onHand + delta < reserved;
    }

    /** A manual movement (restock, waste, adjustment) that changes on_hand by {@code onHandDelta}. */
    public Movement move(MovementType type, long onHandDelta, Change change) {
        if (type != MovementType.RESTOCK && type != MovementType.WASTE && type != MovementType.ADJUSTMENT) {
            throw new IllegalArgumentException(type + " is not a manual movement");
        }
        return change(type, onHandDelta, 0, change);
    }

    public Movement restock(long quantity, Change change) {
        requirePositive(quantity);
        return change(MovementType.RESTOCK, quantity, 0, change);
    }

    /** Holds {@code quantity} for an order. Whether the safety buffer allows it is the reservation's decision. */
    public Movement reserve(long quantity, Change change) {
        requirePositive(quantity);
        return change(MovementType.RESERVE, 0, quantity, change);
    }

    /** Gives back what was held for an order ({@code RELEASE} or {@code EXPIRE}). */
    public Movement unreserve(MovementType why, long quantity, Change change) {
        if (why != MovementType.RELEASE && why != MovementType.EXPIRE) {
            throw new IllegalArgumentException(why + " does not give back a hold");
        }
        requirePositive(quantity);
        return change(why, 0, -quantity, change);
    }

    /** What was held for a confirmed order leaves the shelf: on_hand and reserved shrink together. */
    public Movement sell(long quantity, Change change) {
        requirePositive(quantity);
        return change(MovementType.SALE, -quantity, -quantity, change);
    }

    /**
     * The low-stock state to announce, if it differs from the last one announced; the announcement is then taken
     * as made (the caller publishes it in the same transaction).
     */
    public Optional<Boolean> lowStateChange() {
        boolean now = low();
        if (now == lowPublished) {
            return Optional.empty();
        }
        lowPublished = now;
        return Optional.of(now);
    }

    /**
     * Takes the current low-stock state as known without announcing it: a new ingredient, once its opening stock
     * is in, has not "crossed" anything yet.
     */
    public void settleLowState() {
        lowPublished = low();
    }

    private Movement change(MovementType type, long onHandDelta, long reservedDelta, Change change) {
        long newOnHand = Math.addExact(onHand, onHandDelta);
        long newReserved = Math.addExact(reserved, reservedDelta);
        if (newOnHand < 0 || newReserved < 0 || newReserved > newOnHand) {
            throw new IllegalStateException("%s of %s would leave on hand %d and reserved %d"
                    .formatted(type, sku, newOnHand, newReserved));
        }
        onHand = newOnHand;
        reserved = newReserved;
        updatedAt = change.at();
        return new Movement(this, type, onHandDelta, reservedDelta, change);
    }

    private static void requirePositive(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public Unit unit() {
        return unit;
    }

    public long onHand() {
        return onHand;
    }

    public long reserved() {
        return reserved;
    }

    public long lowStockThreshold() {
        return lowStockThreshold;
    }

    public long safetyBuffer() {
        return safetyBuffer;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
