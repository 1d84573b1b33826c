package com.forno.pizzeria.stock.reservations.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What stock did with one order. There is exactly one per order, whatever the outcome, so that a command that
 * comes again (a retry with a new message id) or out of order (a release before its reservation) finds it and
 * gets a consistent answer instead of a second effect. Lines are the held quantities per ingredient, sku order.
 */
@Entity
@Table(name = "reservation")
public class Reservation {

    @Id
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private ReservationState state;
    private String reason;
    /** a rejection's shortages as JSON (contracts' mapping), to repeat the very same answer */
    private String shortages;
    private Instant expiresAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("sku")
    private List<ReservationLine> lines;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    /** committed, and its SALE not yet applied to the ingredients (see Reservations.settleSales) */
    private boolean salePending;

    protected Reservation() {
    }

    private Reservation(UUID orderId, ReservationState state, String reason, String shortages, Instant expiresAt,
                        List<ReservationLine> lines, Instant now) {
        this.orderId = orderId;
        this.state = state;
        this.reason = reason;
        this.shortages = shortages;
        this.expiresAt = expiresAt;
        this.lines = lines;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Ingredients held (sku → quantity) until {@code expiresAt}. */
    public static Reservation held(UUID orderId, Map<String, Long> needs, Instant expiresAt, Instant now) {
        List<ReservationLine> lines = needs.entrySet().stream()
                .map(need -> new ReservationLine(need.getKey(), need.getValue()))
                .toList();
        return new Reservation(orderId, ReservationState.HELD, null, null, expiresAt, new ArrayList<>(lines), now);
    }

    public static Reservation rejected(UUID orderId, String reason, String shortagesJson, Instant now) {
        return new Reservation(orderId, ReservationState.REJECTED, reason, shortagesJson, null, new ArrayList<>(), now);
    }

    /** A release that arrived before its reservation: the reservation, when it comes, finds this and is refused. */
    public static Reservation tombstone(UUID orderId, String reason, Instant now) {
        return new Reservation(orderId, ReservationState.RELEASED, reason, null, null, new ArrayList<>(), now);
    }

    /**
     * A confirmation for an order stock has no reservation of: nothing is or was held. Kept, like a tombstone, so
     * that the same confirmation gets the same answer and a late reservation is refused.
     */
    public static Reservation lostWithoutHold(UUID orderId, String reason, String shortagesJson, Instant now) {
        return new Reservation(orderId, ReservationState.LOST, reason, shortagesJson, null, new ArrayList<>(), now);
    }

    /** Sold: the held quantities leave the shelf when the sale is settled ({@link #saleSettled()}). */
    public void commit(Instant now) {
        moveFromHeld(ReservationState.COMMITTED, null, now);
        salePending = true;
    }

    /**
     * The confirmation came after the hold expired, and the caller held the same quantities again: sold, like
     * {@link #commit}, with the reason it was held twice (as the ledger's RESERVE lines say).
     */
    public void heldAgainAndCommitted(String why, Instant now) {
        moveFromExpired(ReservationState.COMMITTED, why, null, now);
        salePending = true;
    }

    /**
     * The confirmation came after the hold expired, and the ingredients are no longer there: nothing is held, and
     * the shortages are kept to give a repeated confirmation the same answer. The lines stay, as what was once held.
     */
    public void lost(String why, String shortagesJson, Instant now) {
        moveFromExpired(ReservationState.LOST, why, shortagesJson, now);
    }

    public void saleSettled() {
        if (!salePending) {
            throw new IllegalStateException("the sale of order " + orderId + " is not pending");
        }
        salePending = false;
    }

    public boolean salePending() {
        return salePending;
    }

    public void release(String why, Instant now) {
        moveFromHeld(ReservationState.RELEASED, why, now);
    }

    /**
     * The order went away after its hold had expired: nothing is held (the expiry gave it back), and a confirmation
     * that comes after this finds RELEASED and holds nothing again.
     */
    public void releaseExpired(String why, Instant now) {
        moveFromExpired(ReservationState.RELEASED, why, null, now);
    }

    public void expire(Instant now) {
        moveFromHeld(ReservationState.EXPIRED, "hold expired", now);
    }

    private void moveFromHeld(ReservationState next, String why, Instant now) {
        if (state != ReservationState.HELD) {
            throw new IllegalStateException("reservation of order " + orderId + " is " + state + ", not HELD");
        }
        state = next;
        reason = why;
        updatedAt = now;
    }

    private void moveFromExpired(ReservationState next, String why, String shortagesJson, Instant now) {
        if (state != ReservationState.EXPIRED) {
            throw new IllegalStateException("reservation of order " + orderId + " is " + state + ", not EXPIRED");
        }
        state = next;
        reason = why;
        shortages = shortagesJson;
        updatedAt = now;
    }

    /** What the order holds (or held) of each ingredient, by sku in lock order. */
    public SortedMap<String, Long> needs() {
        SortedMap<String, Long> needs = new TreeMap<>();
        lines.forEach(line -> needs.merge(line.sku(), line.quantity(), Long::sum));
        return needs;
    }

    public UUID orderId() {
        return orderId;
    }

    public ReservationState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public String shortagesJson() {
        return shortages;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public List<ReservationLine> lines() {
        return List.copyOf(lines);
    }
}
