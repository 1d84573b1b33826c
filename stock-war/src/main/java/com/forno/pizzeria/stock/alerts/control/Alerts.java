package com.forno.pizzeria.stock.alerts.control;

import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.contracts.stock.ProductAvailabilityChanged;
import com.forno.pizzeria.contracts.stock.StockLow;
import com.forno.pizzeria.platform.messaging.Outbox;
import com.forno.pizzeria.stock.ingredients.entity.Ingredient;
import com.forno.pizzeria.stock.menu.control.Availability;
import com.forno.pizzeria.stock.menu.entity.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Announces what changed for others, in the transaction of the change (through the outbox), exactly once per
 * flip: StockLow when an ingredient's free quantity crosses its threshold, ProductAvailabilityChanged when a
 * product goes off sale or comes back (to the services, and in the partners' form to {@code integrations.events},
 * whence every partner's events queue has it).
 * <p>
 * The last announced state is a column of the row. An ingredient's is decided under the ingredient's lock, which
 * every change holds. A product's depends on several ingredients that concurrent transactions may change, so its
 * row is locked (in id order, always after the ingredient locks) and its availability recomputed after the lock is
 * granted: whichever transaction comes last sees the others' committed changes and announces the final state.
 */
@ApplicationScoped
public class Alerts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Availability availability;

    Clock clock = Clock.systemUTC();

    static final String PARTNER_EVENT = "ProductAvailabilityChanged";

    /** What each of these ingredients can promise now, by sku: take it before a change, pass it after. */
    public static Map<String, Long> freeNow(Collection<Ingredient> ingredients) {
        return ingredients.stream().collect(Collectors.toMap(Ingredient::sku, Ingredient::available));
    }

    /**
     * After a change of these ingredients, which could promise {@code freeBefore} (by sku) before it; the caller
     * holds their locks.
     * <p>
     * Only the products that can have flipped are locked and recomputed: a product's availability crosses 0 through
     * an ingredient only when the recipe's quantity of it lies between the free quantity before and after (more than
     * the lower, at most the higher). Every other product keeps its state, and its row is left unlocked: a busy
     * ingredient (mozzarella is in almost every pizza) would otherwise lock every pizza's row on every order.
     */
    public void ingredientsChanged(Collection<Ingredient> changed, Map<String, Long> freeBefore) {
        changed.stream().sorted(Comparator.comparing(Ingredient::sku)).forEach(ingredient ->
                ingredient.lowStateChange().ifPresent(low -> outbox.send(new StockLow(ingredient.sku(),
                        ingredient.name(), ingredient.available(), ingredient.lowStockThreshold(), low), ingredient.sku())));
        List<Ingredient> moved = changed.stream()
                .filter(ingredient -> freeBefore.get(ingredient.sku()) != ingredient.available())
                .toList();
        if (moved.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> mayHaveFlipped = em.createNativeQuery("""
                        select distinct cast(r.product_id as text)
                          from recipe_line r
                          join unnest(cast(?1 as text[]), cast(?2 as bigint[]), cast(?3 as bigint[])) as c(sku, lo, hi)
                            on c.sku = r.ingredient_sku
                         where r.quantity > c.lo and r.quantity <= c.hi""")
                .setParameter(1, arrayLiteral(moved.stream().map(Ingredient::sku)))
                .setParameter(2, arrayLiteral(moved.stream().map(i -> String.valueOf(
                        Math.min(freeBefore.get(i.sku()), i.available())))))
                .setParameter(3, arrayLiteral(moved.stream().map(i -> String.valueOf(
                        Math.max(freeBefore.get(i.sku()), i.available())))))
                .getResultList();
        productsChanged(mayHaveFlipped.stream().map(id -> UUID.fromString(id.toString())).toList());
    }

    /** After a change that may have put these products on or off sale (stock, recipe, activity, manual 86). */
    public void productsChanged(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        List<Product> products = em.createQuery("select p from Product p where p.id in :ids order by p.id", Product.class)
                .setParameter("ids", List.copyOf(ids))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<UUID, Availability.Row> now = availability.of(ids);
        for (Product product : products) {
            Availability.Row row = now.get(product.id());
            if (product.announce(row.soldOut())) {
                outbox.send(new ProductAvailabilityChanged(product.id(), product.name(), row.available(), row.soldOut()),
                        product.id());
                // every partner's events queue is bound to this exchange: the fan-out is the broker's
                var told = new com.forno.pizzeria.contracts.integrations.ProductAvailabilityChanged(product.id(),
                        product.name(), row.available(), row.soldOut(), Instant.now(clock));
                outbox.sendBare(Partners.EVENTS_EXCHANGE, "", PARTNER_EVENT, product.id().toString(), Json.toJson(told),
                        null);
            }
        }
    }

    /** A PostgreSQL array literal (skus are letters, digits, _ and -). */
    private static String arrayLiteral(Stream<String> elements) {
        return elements.collect(Collectors.joining(",", "{", "}"));
    }
}
