package com.forno.pizzeria.stock.ingredients.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an ingredient's ledger. Only {@link Ingredient} makes them, in the same call that changes its
 * quantities, so no change can happen without its line. Immutable once written.
 */
@Entity
@Table(name = "movement")
public class Movement {

    @Id
    private UUID id;
    /** the ledger's order, assigned by the database */
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "ingredient_sku")
    private String sku;
    @Enumerated(EnumType.STRING)
    private MovementType type;
    private long onHandDelta;
    private long reservedDelta;
    private long onHandAfter;
    private long reservedAfter;
    @Convert(converter = OptionalUuidConverter.class)
    private UUID orderId;
    private String reason;
    private String actor;
    private Instant occurredAt;

    protected Movement() {
    }

    Movement(Ingredient after, MovementType type, long onHandDelta, long reservedDelta, Change change) {
        this.id = UUID.randomUUID();
        this.sku = after.sku();
        this.type = type;
        this.onHandDelta = onHandDelta;
        this.reservedDelta = reservedDelta;
        this.onHandAfter = after.onHand();
        this.reservedAfter = after.reserved();
        this.orderId = change.orderId();
        this.reason = change.reason();
        this.actor = change.actor();
        this.occurredAt = change.at();
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public MovementType type() {
        return type;
    }

    public long onHandDelta() {
        return onHandDelta;
    }

    public long reservedDelta() {
        return reservedDelta;
    }

    public long onHandAfter() {
        return onHandAfter;
    }

    public long reservedAfter() {
        return reservedAfter;
    }

    public UUID orderId() {
        return orderId;
    }

    public String reason() {
        return reason;
    }

    public String actor() {
        return actor;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
