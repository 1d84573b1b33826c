package com.forno.pizzeria.stock.menu.control;

import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.stock.alerts.control.Alerts;
import com.forno.pizzeria.stock.ingredients.control.Ingredients;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.menu.entity.Category;
import com.forno.pizzeria.stock.menu.entity.Product;
import com.forno.pizzeria.stock.menu.entity.RecipeLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Products, their recipes and the manual "86". Callers provide the transaction.
 * <p>
 * Lock order, the same as everywhere: ingredients (in sku order) before products. Saving a recipe makes
 * PostgreSQL share-lock the ingredient rows it references (foreign keys); locking them first, here, keeps a
 * product edit from waiting on an ingredient while a reservation holding that ingredient waits on the product.
 */
@ApplicationScoped
public class Products {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ingredients ingredients;

    @Inject
    Availability availability;

    @Inject
    Alerts alerts;

    Clock clock = Clock.systemUTC();

    /** A new product; its current sale state is taken as known (nothing is announced for a new product). */
    public Product create(String name, String description, Category category, long priceCents, boolean active,
                          List<RecipeLine> recipe) {
        lockRecipeIngredients(recipe);
        String trimmed = name.strip();
        requireFreeName(trimmed, null);
        Product product = new Product(trimmed, description == null ? "" : description.strip(), category, priceCents,
                active, recipe, now());
        try {
            em.persist(product);
            em.flush();
        } catch (PersistenceException e) {
            // a concurrent creation took the name between our check and our insert
            throw new ProductNameTaken(trimmed);
        }
        product.settleSoldOut(availability.of(List.of(product.id())).get(product.id()).soldOut());
        return product;
    }

    /** Replaces what an admin edits; {@code active} null keeps the current value. */
    public Product update(UUID id, String name, String description, Category category, long priceCents,
                          Boolean active, List<RecipeLine> recipe) {
        if (find(id).isEmpty()) {
            throw new ProductNotFound(id);
        }
        lockRecipeIngredients(recipe);
        Product product = locked(id);
        String trimmed = name.strip();
        requireFreeName(trimmed, id);
        product.describe(trimmed, description == null ? "" : description.strip(), category, priceCents,
                active == null ? product.active() : active, recipe, now());
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ProductNameTaken(trimmed);
        }
        alerts.productsChanged(List.of(id));
        return product;
    }

    /** A manual "86" until {@code until}, or until lifted when null. */
    public void markSoldOut(UUID id, Instant until) {
        Product product = locked(id);
        Instant now = now();
        if (until != null && !until.isAfter(now)) {
            throw new Violations("until", "must be in the future (leave it out to 86 until lifted)");
        }
        // PostgreSQL keeps microseconds and would round the rest: truncate, so the end reads back as decided
        product.markSoldOut(until == null ? null : until.truncatedTo(ChronoUnit.MICROS), now);
        alerts.productsChanged(List.of(id));
    }

    public void liftSoldOut(UUID id) {
        locked(id).liftSoldOut(now());
        alerts.productsChanged(List.of(id));
    }

    /**
     * Lifts up to {@code batch} manual 86s whose time is up, so that the product's return is announced. SKIP LOCKED:
     * with two instances sweeping, each takes different rows and neither waits. Returns how many were lifted.
     */
    public int liftExpiredSoldOuts(int batch) {
        @SuppressWarnings("unchecked")
        List<Object> due = em.createNativeQuery("""
                        select id from product
                         where sold_out_manually and sold_out_until <= now()
                         order by sold_out_until
                         limit ?1
                           for update skip locked""")
                .setParameter(1, batch)
                .getResultList();
        List<UUID> ids = due.stream().map(id -> UUID.fromString(id.toString())).toList();
        Instant now = now();
        ids.forEach(id -> em.find(Product.class, id).liftSoldOut(now));
        alerts.productsChanged(ids);
        return ids.size();
    }

    public Optional<Product> find(UUID id) {
        return Optional.ofNullable(em.find(Product.class, id));
    }

    public Page<Product> list(int limit, int offset) {
        return Page.of(em.createQuery("select count(p) from Product p", Long.class),
                em.createQuery("select p from Product p order by p.category, p.name", Product.class), limit, offset);
    }

    private Product locked(UUID id) {
        Product product = em.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw new ProductNotFound(id);
        }
        return product;
    }

    /** Every sku once, every one an ingredient; locked in sku order (see the class comment). */
    private void lockRecipeIngredients(List<RecipeLine> recipe) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipe.size(); i++) {
            if (!seen.add(recipe.get(i).sku())) {
                violations.add(new Problem.Violation("recipe[" + i + "].sku", "appears twice in the recipe"));
            }
        }
        Map<String, Ingredient> found = ingredients.lockAll(seen);
        for (int i = 0; i < recipe.size(); i++) {
            if (!found.containsKey(recipe.get(i).sku())) {
                violations.add(new Problem.Violation("recipe[" + i + "].sku", "no ingredient has this sku"));
            }
        }
        if (!violations.isEmpty()) {
            throw new Violations(violations);
        }
    }

    private void requireFreeName(String name, UUID self) {
        var others = em.createQuery("select count(p) from Product p where lower(p.name) = lower(:name)"
                        + (self == null ? "" : " and p.id <> :self"), Long.class)
                .setParameter("name", name);
        if (self != null) {
            others.setParameter("self", self);
        }
        if (others.getSingleResult() > 0) {
            throw new ProductNameTaken(name);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
