package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.analytics.control.AnalyticsDatabase;
import com.forno.pizzeria.ai.chat.entity.Facts.CustomerOrders;
import com.forno.pizzeria.ai.chat.entity.Facts.HourCount;
import com.forno.pizzeria.ai.chat.entity.Facts.IngredientLevel;
import com.forno.pizzeria.ai.chat.entity.Facts.ProductSales;
import com.forno.pizzeria.ai.chat.entity.Facts.ReasonCount;
import com.forno.pizzeria.ai.chat.entity.Facts.Shortfall;
import com.forno.pizzeria.ai.chat.entity.Facts.SoldOutProduct;
import com.forno.pizzeria.ai.chat.entity.Facts.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The chatbot's SQL: fixed, parameterised SELECTs on the whitelisted views, nothing else. A period is
 * {@code [from, to)} in absolute time; the caller turns the pizzeria's local days into it.
 * <p>
 * "Sold" means an order that went through: CONFIRMED and every status after it.
 */
@ApplicationScoped
public class ShopFacts {

    static final String SOLD = "('CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY', 'DELIVERED')";

    /** Sums and counts of one period. */
    public record Totals(long orders, long cents) {
    }

    @Inject
    AnalyticsDatabase db;

    public List<ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, String category, int limit) {
        return db.query("""
                select max(l.name) as name, sum(l.quantity) as quantity, sum(l.quantity * l.unit_price_cents) as cents
                  from orders.analytics_order_lines l
                  left join stock.analytics_products p on p.id = l.product_id
                 where l.status in %s and l.created_at >= ? and l.created_at < ?
                   and (cast(? as text) is null or p.category = ?)
                 group by l.product_id
                 order by quantity desc, cents desc, name
                 limit ?""".formatted(SOLD),
                row -> new ProductSales(row.getString("name"), row.getLong("quantity"), row.getLong("cents")),
                from, to, category, category, limit);
    }

    public long stockRejections(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select count(*) from orders.analytics_orders
                 where reason = 'OUT_OF_STOCK' and created_at >= ? and created_at < ?""",
                row -> row.getLong(1), from, to).get(0);
    }

    public List<Shortfall> shortIngredients(ZonedDateTime from, ZonedDateTime to, int limit) {
        return db.query("""
                select s.sku, coalesce(max(i.name), s.sku) as name, count(distinct s.order_id) as orders
                  from orders.analytics_order_shortages s
                  left join stock.analytics_ingredients i on i.sku = s.sku
                 where s.created_at >= ? and s.created_at < ?
                 group by s.sku
                 order by orders desc, s.sku
                 limit ?""",
                row -> new Shortfall(row.getString("sku"), row.getString("name"), row.getLong("orders")),
                from, to, limit);
    }

    public List<StatusCount> ordersByStatus(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select status, count(*) as orders from orders.analytics_orders
                 where created_at >= ? and created_at < ?
                 group by status
                 order by array_position(array['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING',
                          'OUT_FOR_DELIVERY', 'DELIVERED', 'REJECTED', 'CANCELLED'], status)""",
                row -> new StatusCount(row.getString("status"), row.getLong("orders")), from, to);
    }

    public Totals sales(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select count(*), coalesce(sum(total_cents), 0) from orders.analytics_orders
                 where status in %s and created_at >= ? and created_at < ?""".formatted(SOLD),
                row -> new Totals(row.getLong(1), row.getLong(2)), from, to).get(0);
    }

    public Totals payments(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select count(*), count(*) filter (where status = 'DECLINED') from payments.analytics_payments
                 where created_at >= ? and created_at < ?""",
                row -> new Totals(row.getLong(1), row.getLong(2)), from, to).get(0);
    }

    public List<ReasonCount> declineReasons(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select coalesce(reason, 'UNKNOWN') as reason, count(*) as payments from payments.analytics_payments
                 where status = 'DECLINED' and created_at >= ? and created_at < ?
                 group by 1 order by payments desc, reason
                 limit 20""",
                row -> new ReasonCount(row.getString("reason"), row.getLong("payments")), from, to);
    }

    public List<ReasonCount> cancellations(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select coalesce(reason, 'UNKNOWN') as reason, count(*) as orders from orders.analytics_orders
                 where status = 'CANCELLED' and created_at >= ? and created_at < ?
                 group by 1 order by orders desc, reason""",
                row -> new ReasonCount(row.getString("reason"), row.getLong("orders")), from, to);
    }

    public List<IngredientLevel> lowStock(int limit) {
        return db.query("""
                select sku, name, unit, available, low_stock_threshold from stock.analytics_ingredients
                 where low
                 order by available::float8 / greatest(low_stock_threshold, 1), sku
                 limit ?""",
                row -> new IngredientLevel(row.getString("sku"), row.getString("name"), row.getString("unit"),
                        row.getLong("available"), row.getLong("low_stock_threshold")), limit);
    }

    public long lowStockCount() {
        return db.query("select count(*) from stock.analytics_ingredients where low", row -> row.getLong(1)).get(0);
    }

    /** An ingredient with what can be promised now and what the period's sales took of it. */
    public record Usage(String sku, String name, String unit, long available, long used) {
    }

    public List<Usage> usage(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select i.sku, i.name, i.unit, i.available, sum(c.quantity) as used
                  from stock.analytics_consumption c
                  join stock.analytics_ingredients i on i.sku = c.sku
                 where c.occurred_at >= ? and c.occurred_at < ?
                 group by i.sku, i.name, i.unit, i.available
                having sum(c.quantity) > 0""",
                row -> new Usage(row.getString("sku"), row.getString("name"), row.getString("unit"),
                        row.getLong("available"), row.getLong("used")), from, to);
    }

    public List<SoldOutProduct> soldOut(int limit) {
        return db.query("""
                select name, category, case when sold_out_manually then 'MANUAL' else 'INGREDIENTS' end as why
                  from stock.analytics_products
                 where active and (sold_out_manually or available = 0)
                 order by array_position(array['PIZZA', 'SIDE', 'DRINK', 'DESSERT'], category), name
                 limit ?""",
                row -> new SoldOutProduct(row.getString("name"), row.getString("category"), row.getString("why")),
                limit);
    }

    public long soldOutCount() {
        return db.query("""
                select count(*) from stock.analytics_products where active and (sold_out_manually or available = 0)""",
                row -> row.getLong(1)).get(0);
    }

    public List<HourCount> busiestHours(ZonedDateTime from, ZonedDateTime to, String zone, int limit) {
        return db.query("""
                select extract(hour from created_at at time zone ?)::int as hour, count(*) as orders
                  from orders.analytics_orders
                 where created_at >= ? and created_at < ?
                 group by 1
                 order by orders desc, hour
                 limit ?""",
                row -> new HourCount(row.getInt("hour"), row.getLong("orders")), zone, from, to, limit);
    }

    /** Only the name and the count: the view has nothing else to give. */
    public List<CustomerOrders> bestCustomers(ZonedDateTime from, ZonedDateTime to, int limit) {
        return db.query("""
                select c.name, count(*) as orders
                  from orders.analytics_orders o
                  left join users.analytics_customers c on c.id = o.customer_id
                 where o.status in %s and o.created_at >= ? and o.created_at < ?
                 group by o.customer_id, c.name
                 order by orders desc, c.name nulls last
                 limit ?""".formatted(SOLD),
                row -> new CustomerOrders(row.getString("name"), row.getLong("orders")), from, to, limit);
    }
}
