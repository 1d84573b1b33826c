package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.analytics.control.AnalyticsDatabase;
import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.Facts.IngredientStock;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    /**
     * What a figure is narrowed to, as ids: products (one name may be several products), a category, an
     * ingredient's SKU (products whose recipe uses it), an order status, customers (one name may be several).
     */
    public record Scope(String category, List<UUID> products, String ingredient, String status, List<UUID> customers) {

        public static final Scope ALL = new Scope(null, List.of(), null, null, List.of());

        public Scope {
            products = List.copyOf(products == null ? List.of() : products);
            customers = List.copyOf(customers == null ? List.of() : customers);
        }

        boolean narrowsLines() {
            return category != null || !products.isEmpty() || ingredient != null;
        }
    }

    @Inject
    AnalyticsDatabase db;

    /** The menu, the ingredients and the customers' names: what a question may name. */
    public Catalog catalog() {
        List<Catalog.Product> products = db.query("select id, name, category from stock.analytics_products",
                row -> new Catalog.Product(row.getObject("id", UUID.class), row.getString("name"),
                        row.getString("category")));
        List<Catalog.Ingredient> ingredients = db.query("select sku, name from stock.analytics_ingredients",
                row -> new Catalog.Ingredient(row.getString("sku"), row.getString("name")));
        List<Catalog.Customer> customers = db.query("select id, name from users.analytics_customers",
                row -> new Catalog.Customer(row.getObject("id", UUID.class), row.getString("name")));
        return new Catalog(products, ingredients, customers);
    }

    /**
     * The conditions of a scope on order lines {@code l} (with the menu's product {@code p} joined): fixed SQL
     * fragments, values always bound as parameters.
     */
    static String lineConditions(Scope scope, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (scope.category() != null) {
            sql.append(" and p.category = ?");
            parameters.add(scope.category());
        }
        if (!scope.products().isEmpty()) {
            sql.append(" and l.product_id::text = any(string_to_array(?, ','))");
            parameters.add(ids(scope.products()));
        }
        if (scope.ingredient() != null) {
            sql.append(" and l.product_id in (select r.product_id from stock.analytics_recipes r where r.sku = ?)");
            parameters.add(scope.ingredient());
        }
        return sql.toString();
    }

    static String customerCondition(String column, Scope scope, List<Object> parameters) {
        if (scope.customers().isEmpty()) {
            return "";
        }
        parameters.add(ids(scope.customers()));
        return " and " + column + "::text = any(string_to_array(?, ','))";
    }

    private static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static Object[] with(List<Object> parameters, Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all.toArray();
    }

    public List<ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, String category, int limit) {
        return topProducts(from, to, new Scope(category, null, null, null, null), limit);
    }

    public List<ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, Scope scope, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        String conditions = lineConditions(scope, parameters) + customerCondition("l.customer_id", scope, parameters);
        return db.query("""
                select max(l.name) as name, sum(l.quantity) as quantity, sum(l.quantity * l.unit_price_cents) as cents
                  from orders.analytics_order_lines l
                  left join stock.analytics_products p on p.id = l.product_id
                 where l.status in %s and l.created_at >= ? and l.created_at < ? %s
                 group by l.product_id
                 order by quantity desc, cents desc, name
                 limit ?""".formatted(SOLD, conditions),
                row -> new ProductSales(row.getString("name"), row.getLong("quantity"), row.getLong("cents")),
                with(parameters, limit));
    }

    public long stockRejections(ZonedDateTime from, ZonedDateTime to) {
        return stockRejections(from, to, null);
    }

    /** Orders rejected for lack of stock; with a SKU, those where that ingredient was short. */
    public long stockRejections(ZonedDateTime from, ZonedDateTime to, String sku) {
        if (sku != null) {
            return db.query("""
                    select count(distinct order_id) from orders.analytics_order_shortages
                     where sku = ? and created_at >= ? and created_at < ?""",
                    row -> row.getLong(1), sku, from, to).get(0);
        }
        return db.query("""
                select count(*) from orders.analytics_orders
                 where reason = 'OUT_OF_STOCK' and created_at >= ? and created_at < ?""",
                row -> row.getLong(1), from, to).get(0);
    }

    public List<Shortfall> shortIngredients(ZonedDateTime from, ZonedDateTime to, int limit) {
        return shortIngredients(from, to, null, limit);
    }

    public List<Shortfall> shortIngredients(ZonedDateTime from, ZonedDateTime to, String sku, int limit) {
        return db.query("""
                select s.sku, coalesce(max(i.name), s.sku) as name, count(distinct s.order_id) as orders
                  from orders.analytics_order_shortages s
                  left join stock.analytics_ingredients i on i.sku = s.sku
                 where s.created_at >= ? and s.created_at < ? and (cast(? as text) is null or s.sku = ?)
                 group by s.sku
                 order by orders desc, s.sku
                 limit ?""",
                row -> new Shortfall(row.getString("sku"), row.getString("name"), row.getLong("orders")),
                from, to, sku, sku, limit);
    }

    public List<StatusCount> ordersByStatus(ZonedDateTime from, ZonedDateTime to) {
        return ordersByStatus(from, to, Scope.ALL);
    }

    /** Orders by status; a product, category or ingredient: orders with at least one such line. */
    public List<StatusCount> ordersByStatus(ZonedDateTime from, ZonedDateTime to, Scope scope) {
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        StringBuilder conditions = new StringBuilder();
        if (scope.status() != null) {
            conditions.append(" and o.status = ?");
            parameters.add(scope.status());
        }
        conditions.append(customerCondition("o.customer_id", scope, parameters));
        if (scope.narrowsLines()) {
            conditions.append("""
                     and exists (select 1 from orders.analytics_order_lines l
                                 left join stock.analytics_products p on p.id = l.product_id
                                 where l.order_id = o.id""").append(lineConditions(scope, parameters)).append(")");
        }
        return db.query("""
                select o.status, count(*) as orders from orders.analytics_orders o
                 where o.created_at >= ? and o.created_at < ? %s
                 group by o.status
                 order by array_position(array['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING',
                          'OUT_FOR_DELIVERY', 'DELIVERED', 'REJECTED', 'CANCELLED'], o.status)""".formatted(conditions),
                row -> new StatusCount(row.getString("status"), row.getLong("orders")), parameters.toArray());
    }

    public Totals sales(ZonedDateTime from, ZonedDateTime to) {
        return sales(from, to, Scope.ALL);
    }

    /** Sold orders and their money; narrowed to lines, only those lines' money (and the orders that have them). */
    public Totals sales(ZonedDateTime from, ZonedDateTime to, Scope scope) {
        List<Object> parameters = new ArrayList<>(List.of(from, to));
        if (scope.narrowsLines()) {
            String conditions = lineConditions(scope, parameters)
                    + customerCondition("l.customer_id", scope, parameters);
            return db.query("""
                    select count(distinct l.order_id), coalesce(sum(l.quantity * l.unit_price_cents), 0)
                      from orders.analytics_order_lines l
                      left join stock.analytics_products p on p.id = l.product_id
                     where l.status in %s and l.created_at >= ? and l.created_at < ? %s""".formatted(SOLD, conditions),
                    row -> new Totals(row.getLong(1), row.getLong(2)), parameters.toArray()).get(0);
        }
        String conditions = customerCondition("customer_id", scope, parameters);
        return db.query("""
                select count(*), coalesce(sum(total_cents), 0) from orders.analytics_orders
                 where status in %s and created_at >= ? and created_at < ? %s""".formatted(SOLD, conditions),
                row -> new Totals(row.getLong(1), row.getLong(2)), parameters.toArray()).get(0);
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

    /** One ingredient's level now, low or not; null if there is no such SKU. */
    public IngredientStock ingredientStock(String sku) {
        List<IngredientStock> found = db.query("""
                select sku, name, unit, available, low_stock_threshold, low from stock.analytics_ingredients
                 where sku = ?""",
                row -> new IngredientStock(row.getString("sku"), row.getString("name"), row.getString("unit"),
                        row.getLong("available"), row.getLong("low_stock_threshold"), row.getBoolean("low")), sku);
        return found.isEmpty() ? null : found.get(0);
    }

    public long lowStockCount() {
        return db.query("select count(*) from stock.analytics_ingredients where low", row -> row.getLong(1)).get(0);
    }

    /** An ingredient with what can be promised now and what the period's sales took of it. */
    public record Usage(String sku, String name, String unit, long available, long used) {
    }

    public List<Usage> usage(ZonedDateTime from, ZonedDateTime to) {
        return usage(from, to, null);
    }

    public List<Usage> usage(ZonedDateTime from, ZonedDateTime to, String sku) {
        return db.query("""
                select i.sku, i.name, i.unit, i.available, sum(c.quantity) as used
                  from stock.analytics_consumption c
                  join stock.analytics_ingredients i on i.sku = c.sku
                 where c.occurred_at >= ? and c.occurred_at < ? and (cast(? as text) is null or i.sku = ?)
                 group by i.sku, i.name, i.unit, i.available
                having sum(c.quantity) > 0""",
                row -> new Usage(row.getString("sku"), row.getString("name"), row.getString("unit"),
                        row.getLong("available"), row.getLong("used")), from, to, sku, sku);
    }

    public List<SoldOutProduct> soldOut(int limit) {
        return soldOut(Scope.ALL, limit);
    }

    public List<SoldOutProduct> soldOut(Scope scope, int limit) {
        List<Object> parameters = new ArrayList<>();
        String conditions = productConditions(scope, parameters);
        return db.query("""
                select name, category, case when sold_out_manually then 'MANUAL' else 'INGREDIENTS' end as why
                  from stock.analytics_products
                 where active and (sold_out_manually or available = 0) %s
                 order by array_position(array['PIZZA', 'SIDE', 'DRINK', 'DESSERT'], category), name
                 limit ?""".formatted(conditions),
                row -> new SoldOutProduct(row.getString("name"), row.getString("category"), row.getString("why")),
                with(parameters, limit));
    }

    public long soldOutCount() {
        return soldOutCount(Scope.ALL);
    }

    public long soldOutCount(Scope scope) {
        List<Object> parameters = new ArrayList<>();
        String conditions = productConditions(scope, parameters);
        return db.query("""
                select count(*) from stock.analytics_products
                 where active and (sold_out_manually or available = 0) %s""".formatted(conditions),
                row -> row.getLong(1), parameters.toArray()).get(0);
    }

    private static String productConditions(Scope scope, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (scope.category() != null) {
            sql.append(" and category = ?");
            parameters.add(scope.category());
        }
        if (!scope.products().isEmpty()) {
            sql.append(" and id::text = any(string_to_array(?, ','))");
            parameters.add(ids(scope.products()));
        }
        return sql.toString();
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

    /** The id (to tell two customers of the same name apart), the name and the count: nothing else. */
    public List<CustomerOrders> bestCustomers(ZonedDateTime from, ZonedDateTime to, int limit) {
        return db.query("""
                select o.customer_id, c.name, count(*) as orders
                  from orders.analytics_orders o
                  left join users.analytics_customers c on c.id = o.customer_id
                 where o.status in %s and o.created_at >= ? and o.created_at < ?
                 group by o.customer_id, c.name
                 order by orders desc, c.name nulls last, o.customer_id
                 limit ?""".formatted(SOLD),
                row -> new CustomerOrders(String.valueOf(row.getObject("customer_id", UUID.class)),
                        row.getString("name"), row.getLong("orders")), from, to, limit);
    }
}
