package com.forno.pizzeria.ai.recommendations.control;

import com.forno.pizzeria.ai.analytics.control.AnalyticsDatabase;
import com.forno.pizzeria.ai.recommendations.entity.Product;
import com.forno.pizzeria.ai.recommendations.entity.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the recommender reads, through the analytics views: the menu with what can be sold now (stock's
 * {@code analytics_products}, {@code analytics_recipes}) and order lines (orders' {@code analytics_order_lines}).
 * Availability is read on every request, never cached: a sold-out product must never be recommended.
 */
@ApplicationScoped
public class ShopHistory {

    /** Orders that went through; a customer's own history also counts what stock had to reject: they wanted it. */
    static final String SOLD = "('CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED')";
    static final String WANTED = "('CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED', 'REJECTED')";

    @Inject
    AnalyticsDatabase db;

    /** Every active product, sellable or not, with its ingredients' names. */
    public List<Product> menu() {
        Map<UUID, List<String>> ingredients = new HashMap<>();
        db.query("select product_id, ingredient from stock.analytics_recipes order by product_id, ingredient",
                row -> ingredients.computeIfAbsent(row.getObject("product_id", UUID.class), id -> new ArrayList<>())
                        .add(row.getString("ingredient")));
        return db.query("""
                select id, name, description, category, active and not sold_out_manually and available > 0 as sellable
                  from stock.analytics_products
                 where active
                 order by name""",
                row -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new Product(id, row.getString("name"), row.getString("description"),
                            row.getString("category"), ingredients.getOrDefault(id, List.of()), row.getBoolean("sellable"));
                });
    }

    /** Everyone's order lines since {@code since}, newest first, at most {@code limit}. */
    public List<Purchase> since(Instant since, int limit) {
        return db.query("""
                select customer_id, order_id, product_id, quantity, created_at from orders.analytics_order_lines
                 where status in %s and created_at >= ?
                 order by created_at desc
                 limit ?""".formatted(SOLD), ShopHistory::purchase, OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
                limit);
    }

    /** One customer's order lines of the last year, newest first. */
    public List<Purchase> of(UUID customer, Instant since) {
        return db.query("""
                select customer_id, order_id, product_id, quantity, created_at from orders.analytics_order_lines
                 where customer_id = ? and status in %s and created_at >= ?
                 order by created_at desc
                 limit 1000""".formatted(WANTED), ShopHistory::purchase, customer,
                OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    }

    private static Purchase purchase(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Purchase(row.getObject("customer_id", UUID.class), row.getObject("order_id", UUID.class),
                row.getObject("product_id", UUID.class), row.getInt("quantity"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
