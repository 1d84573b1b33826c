package com.forno.pizzeria.stock.menu.entity;

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
import java.util.UUID;

/**
 * A menu item and its recipe. It is on sale when it is active, no manual "86" is in force, and its ingredients make
 * at least one unit (that last part lives in the database: see {@code Availability}). A product always has a
 * recipe: one that takes nothing could be sold for ever, so it is refused.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private UUID id;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private Category category;
    private long priceCents;
    private boolean active;
    private boolean soldOutManually;
    private Instant soldOutUntil;
    private boolean soldOutPublished;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recipe_line", joinColumns = @JoinColumn(name = "product_id"))
    @OrderBy("sku")
    private List<RecipeLine> recipe = new ArrayList<>();
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;

    protected Product() {
    }

    public Product(String name, String description, Category category, long priceCents, boolean active,
                   List<RecipeLine> recipe, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        describe(name, description, category, priceCents, active, recipe, now);
    }

    /** Replaces everything an admin edits: name, description, category, price, recipe, active. */
    public void describe(String name, String description, Category category, long priceCents, boolean active,
                         List<RecipeLine> recipe, Instant now) {
        if (priceCents <= 0) {
            throw new IllegalArgumentException("a price must be positive");
        }
        if (recipe.isEmpty()) {
            throw new IllegalArgumentException("a product needs a recipe");
        }
        this.name = name;
        this.description = description;
        this.category = category;
        this.priceCents = priceCents;
        this.active = active;
        this.recipe.clear();
        this.recipe.addAll(recipe);
        this.updatedAt = now;
    }

    /** A manual "86": off sale until {@code until}, or until lifted when {@code until} is null. */
    public void markSoldOut(Instant until, Instant now) {
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("a manual sold-out must end in the future");
        }
        soldOutManually = true;
        soldOutUntil = until;
        updatedAt = now;
    }

    public void liftSoldOut(Instant now) {
        soldOutManually = false;
        soldOutUntil = null;
        updatedAt = now;
    }

    public boolean manuallySoldOut(Instant now) {
        return soldOutManually && (soldOutUntil == null || soldOutUntil.isAfter(now));
    }

    /** Active and not 86'd by hand: whether the ingredients are there is another question. */
    public boolean offeredAt(Instant now) {
        return active && !manuallySoldOut(now);
    }

    /**
     * Records {@code soldOut} as the announced state; {@code true} when it differs from the last announced one
     * (the caller then publishes it, in the same transaction).
     */
    public boolean announce(boolean soldOut) {
        if (soldOut == soldOutPublished) {
            return false;
        }
        soldOutPublished = soldOut;
        return true;
    }

    /** Takes {@code soldOut} as known without announcing it: a new product has not flipped yet. */
    public void settleSoldOut(boolean soldOut) {
        soldOutPublished = soldOut;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    public long priceCents() {
        return priceCents;
    }

    public boolean active() {
        return active;
    }

    /** The end of a manual "86" that is set (in force or past), null when none is set or it lasts until lifted. */
    public Instant soldOutUntil() {
        return soldOutUntil;
    }

    public boolean soldOutManually() {
        return soldOutManually;
    }

    public List<RecipeLine> recipe() {
        return List.copyOf(recipe);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
