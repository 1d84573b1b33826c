package com.forno.pizzeria.stock.ingredients.control;

import com.forno.pizzeria.platform.paging.Page;
import com.forno.pizzeria.platform.problems.Violations;
import com.forno.pizzeria.stock.alerts.control.Alerts;
import com.forno.pizzeria.stock.ingredients.entity.Change;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.ingredients.entity.Movement;
import com.forno.pizzeria.stock.ingredients.entity.MovementType;
import com.forno.pizzeria.stock.ingredients.entity.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Ingredients, their manual movements and their ledger. Callers provide the transaction. Every change of a row
 * happens under its {@code PESSIMISTIC_WRITE} lock (SELECT … FOR UPDATE), so a movement and a reservation of the
 * same ingredient never interleave, whichever instance runs them.
 */
@ApplicationScoped
public class Ingredients {

    @PersistenceContext
    EntityManager em;

    @Inject
    Alerts alerts;

    Clock clock = Clock.systemUTC();

    /** A new ingredient; stock it starts with is its first ledger line (a RESTOCK, "opening stock"). */
    public Ingredient create(String sku, String name, Unit unit, long onHand, long lowStockThreshold,
                             long safetyBuffer, String actor) {
        if (em.find(Ingredient.class, sku) != null) {
            throw new SkuTaken(sku);
        }
        Instant now = now();
        Ingredient ingredient = new Ingredient(sku, name.strip(), unit, lowStockThreshold, safetyBuffer, now);
        try {
            em.persist(ingredient);
            // the ledger line references the row: it must exist first (the two are not a JPA relationship)
            em.flush();
        } catch (PersistenceException e) {
            // a concurrent creation won the primary key between our check and our insert
            throw new SkuTaken(sku);
        }
        if (onHand > 0) {
            em.persist(ingredient.restock(onHand, Change.byAdmin(actor, now, "opening stock")));
        }
        ingredient.settleLowState();
        return ingredient;
    }

    public Optional<Ingredient> find(String sku) {
        return Optional.ofNullable(em.find(Ingredient.class, sku));
    }

    public Page<Ingredient> list(int limit, int offset) {
        return Page.of(em.createQuery("select count(i) from Ingredient i", Long.class),
                em.createQuery("select i from Ingredient i order by i.sku", Ingredient.class), limit, offset);
    }

    /**
     * Locks the ingredients with these skus, in ascending sku order, each once, in one statement: every
     * transaction that locks several ingredients goes through here, so two of them never wait on each other in a
     * circle. Skus that do not exist are missing from the answer.
     */
    public SortedMap<String, Ingredient> lockAll(Collection<String> skus) {
        SortedMap<String, Ingredient> locked = new TreeMap<>();
        if (skus.isEmpty()) {
            return locked;
        }
        em.createQuery("select i from Ingredient i where i.sku in :skus order by i.sku", Ingredient.class)
                .setParameter("skus", List.copyOf(skus))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(ingredient -> locked.put(ingredient.sku(), ingredient));
        return locked;
    }

    /**
     * Records a restock, waste or adjustment by an admin. Refused when the quantity does not fit the type (400),
     * or when it would leave on_hand negative or below what is held for orders (409).
     */
    public Movement record(String sku, MovementType type, long quantity, String reason, String actor) {
        MovementType.Delta delta = type.manualDelta(quantity);
        if (delta.invalid().isPresent()) {
            throw new Violations("quantity", delta.invalid().get());
        }
        Ingredient ingredient = em.find(Ingredient.class, sku, LockModeType.PESSIMISTIC_WRITE);
        if (ingredient == null) {
            throw new IngredientNotFound(sku);
        }
        if (ingredient.wouldGoNegative(delta.onHand())) {
            throw new NegativeStock(sku, ingredient.onHand(), delta.onHand());
        }
        if (ingredient.wouldGoBelowReserved(delta.onHand())) {
            throw new BelowReserved(sku, ingredient.onHand(), ingredient.reserved(), delta.onHand());
        }
        Map<String, Long> freeBefore = Alerts.freeNow(List.of(ingredient));
        Movement movement = ingredient.move(type, delta.onHand(), Change.byAdmin(actor, now(), reason.strip()));
        em.persist(movement);
        alerts.ingredientsChanged(List.of(ingredient), freeBefore);
        return movement;
    }

    /** The ledger of an ingredient, newest first. */
    public Page<Movement> ledger(String sku, int limit, int offset) {
        find(sku).orElseThrow(() -> new IngredientNotFound(sku));
        return Page.of(em.createQuery("select count(m) from Movement m where m.sku = :sku", Long.class)
                        .setParameter("sku", sku),
                em.createQuery("select m from Movement m where m.sku = :sku order by m.seq desc", Movement.class)
                        .setParameter("sku", sku), limit, offset);
    }

    public Optional<Movement> movement(String sku, UUID id) {
        return Optional.ofNullable(em.find(Movement.class, id)).filter(movement -> movement.sku().equals(sku));
    }

    /** Microseconds: what PostgreSQL keeps, so a value reads back exactly as it was answered. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
