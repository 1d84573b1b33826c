package com.forno.pizzeria.stock.alerts.control;

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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Announces what changed for others, in the transaction of the change (through the outbox), exactly once per
 * flip: StockLow when an ingredient's free quantity crosses its threshold, ProductAvailabilityChanged when a
 * product goes off sale or comes back.
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

    /** After a change of these ingredients; the caller holds their locks. */
    public void ingredientsChanged(Collection<Ingredient> changed) {
        changed.stream().sorted(Comparator.comparing(Ingredient::sku)).forEach(ingredient ->
                ingredient.lowStateChange().ifPresent(low -> outbox.send(new StockLow(ingredient.sku(),
                        ingredient.name(), ingredient.available(), ingredient.lowStockThreshold(), low), ingredient.sku())));
        Set<String> skus = changed.stream().map(Ingredient::sku).collect(Collectors.toSet());
        productsChanged(em.createQuery("select distinct p.id from Product p join p.recipe r where r.sku in :skus", UUID.class)
                .setParameter("skus", List.copyOf(skus))
                .getResultList());
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
            }
        }
    }
}
