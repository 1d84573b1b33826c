package com.forno.pizzeria.stock.menu.control;

import com.forno.pizzeria.stock.menu.entity.Category;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How many units of each product the ingredients make now, computed by PostgreSQL in one statement:
 * min over the recipe of floor((on_hand − reserved − safety_buffer) / quantity), never below 0. The menu is read on
 * every order (orders calls it through a REST client), so it is one indexed join, no N+1, and nothing cached in
 * memory that the other instance could have made stale.
 * <p>
 * Through the EntityManager, not a DataSource: inside a transaction the figures must include what the caller has
 * flushed, and only the EntityManager's own connection is sure to carry it (on a message consumer's thread a
 * DataSource connection was seen to be another, auto-committing one).
 */
@ApplicationScoped
public class Availability {

    /** A product with what its ingredients make now and whether a manual "86" is in force. */
    public record Row(UUID id, String name, String description, Category category, long priceCents, boolean active,
                      boolean manuallySoldOut, long available) {

        /** Off sale: inactive, 86'd by hand, or not one unit can be made. */
        public boolean soldOut() {
            return !active || manuallySoldOut || available == 0;
        }
    }

    private static final String SELECT = """
            select cast(p.id as text), p.name, p.description, p.category, p.price_cents, p.active,
                   p.sold_out_manually and (p.sold_out_until is null or p.sold_out_until > now()) as manual,
                   coalesce(min(greatest(i.on_hand - i.reserved - i.safety_buffer, 0) / r.quantity), 0) as available
              from product p
              left join recipe_line r on r.product_id = p.id
              left join ingredient i on i.sku = r.ingredient_sku
            """;
    private static final String GROUP = """
             group by p.id
             order by array_position(array['PIZZA', 'SIDE', 'DRINK', 'DESSERT'], p.category), p.name
            """;

    @PersistenceContext
    EntityManager em;

    /** Every active product: the menu. */
    public List<Row> menu() {
        return rows(em.createNativeQuery(SELECT + " where p.active" + GROUP).getResultList());
    }

    /** These products, active or not, by id (a product that does not exist is missing). */
    public Map<UUID, Row> of(Collection<UUID> ids) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            // one array parameter, as text: the driver binds it without EclipseLink converting each UUID
            String array = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            rows(em.createNativeQuery(SELECT + " where p.id = any(cast(?1 as uuid[]))" + GROUP)
                    .setParameter(1, array).getResultList())
                    .forEach(row -> rows.put(row.id(), row));
        }
        return rows;
    }

    private static List<Row> rows(List<?> result) {
        return result.stream().map(Object[].class::cast).map(r -> new Row(UUID.fromString((String) r[0]),
                (String) r[1], (String) r[2], Category.valueOf((String) r[3]), ((Number) r[4]).longValue(),
                (Boolean) r[5], (Boolean) r[6], ((Number) r[7]).longValue())).toList();
    }
}
