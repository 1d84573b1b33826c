package com.forno.pizzeria.ai.chat.control;

import com.forno.pizzeria.ai.analytics.control.AnalyticsDatabase;
import com.forno.pizzeria.ai.chat.entity.Catalog;
import com.forno.pizzeria.ai.chat.entity.ToolResults.IngredientStock;
import com.forno.pizzeria.ai.chat.entity.ToolResults.CustomerOrders;
import com.forno.pizzeria.ai.chat.entity.ToolResults.HourCount;
import com.forno.pizzeria.ai.chat.entity.ToolResults.IngredientLevel;
import com.forno.pizzeria.ai.chat.entity.ToolResults.ProductSales;
import com.forno.pizzeria.ai.chat.entity.ToolResults.ReasonCount;
import com.forno.pizzeria.ai.chat.entity.ToolResults.Shortfall;
import com.forno.pizzeria.ai.chat.entity.ToolResults.SoldOutProduct;
import com.forno.pizzeria.ai.chat.entity.ToolResults.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The chatbot's SQL: fixed, parameterised SELECTs on the whitelisted views, nothing else. A period is
 * {@code [from, to)} in absolute time, the pizzeria's local days turned into it by the caller; the report rows are
 * read by those local days.
 * <p>
 * Orders, sales, payments and rejections come from the views over orders' read model ({@code orders_read}), the
 * rows GET /reports/* answers from, so that the chatbot and the console's reports give the same figures: "sold"
 * is what the reports count, an order confirmed and not rejected or cancelled since, on the day of its
 * confirmation; payments by the hour they were answered; rejections and cancellations by the day the order ended.
 * The menu, the stock and the customers' names come from the owning services' views (the read model does not hold
 * them).
 */
@ApplicationScoped
public class AnalyticsQueries {

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

    /**
     * Best sellers, in the order of GET /reports/products (units, then revenue, then id). The report's own rows
     * unless a customer is asked for (the report has no customers): then that customer's sold lines.
     */
    public List<ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, Scope scope, int limit) {
        if (!scope.customers().isEmpty()) {
            List<Object> parameters = new ArrayList<>(List.of(from, to));
            String conditions = lineConditions(scope, parameters)
                    + customerCondition("l.customer_id", scope, parameters);
            return db.query("""
                    select (array_agg(l.name order by l.confirmed_at desc))[1] as name, sum(l.quantity) as quantity,
                           sum(l.quantity * l.unit_price_cents) as cents
                      from orders_read.analytics_order_items l
                      left join stock.analytics_products p on p.id = l.product_id
                     where l.sold and l.confirmed_at >= ? and l.confirmed_at < ? %s
                     group by l.product_id
                    having sum(l.quantity) <> 0
                     order by quantity desc, cents desc, l.product_id
                     limit ?""".formatted(conditions),
                    row -> new ProductSales(row.getString("name"), row.getLong("quantity"), row.getLong("cents")),
                    with(parameters, limit));
        }
        List<Object> parameters = new ArrayList<>(List.of(first(from), last(to)));
        String conditions = lineConditions(scope, parameters);
        return db.query("""
                select (array_agg(l.name order by l.day desc))[1] as name, sum(l.units) as quantity,
                       sum(l.revenue_cents) as cents
                  from orders_read.analytics_product_sales l
                  left join stock.analytics_products p on p.id = l.product_id
                 where l.day between ? and ? %s
                 group by l.product_id
                having sum(l.units) <> 0
                 order by quantity desc, cents desc, l.product_id
                 limit ?""".formatted(conditions),
                row -> new ProductSales(row.getString("name"), row.getLong("quantity"), row.getLong("cents")),
                with(parameters, limit));
    }

    public long stockRejections(ZonedDateTime from, ZonedDateTime to) {
        return stockRejections(from, to, null);
    }

    /**
     * Orders that ended for lack of stock (rejected, or cancelled when stock lost their hold), by the day they
     * ended, as GET /reports/rejections counts them; with a SKU, those where that ingredient was short.
     */
    public long stockRejections(ZonedDateTime from, ZonedDateTime to, String sku) {
        if (sku != null) {
            return db.query("""
                    select coalesce(sum(orders), 0) from orders_read.analytics_missing_by_day
                     where sku = ? and day between ? and ?""",
                    row -> row.getLong(1), sku, first(from), last(to)).get(0);
        }
        return db.query("""
                select coalesce(sum(orders), 0) from orders_read.analytics_rejections_by_day
                 where reason = 'OUT_OF_STOCK' and day between ? and ?""",
                row -> row.getLong(1), first(from), last(to)).get(0);
    }

    public List<Shortfall> shortIngredients(ZonedDateTime from, ZonedDateTime to, int limit) {
        return shortIngredients(from, to, null, limit);
    }

    /** The ingredients short, as GET /reports/rejections lists them (orders, then SKU). */
    public List<Shortfall> shortIngredients(ZonedDateTime from, ZonedDateTime to, String sku, int limit) {
        return db.query("""
                select m.sku, coalesce(max(i.name), max(m.name), m.sku) as name, sum(m.orders) as orders
                  from orders_read.analytics_missing_by_day m
                  left join stock.analytics_ingredients i on i.sku = m.sku
                 where m.day between ? and ? and (cast(? as text) is null or m.sku = ?)
                 group by m.sku
                having sum(m.orders) <> 0
                 order by orders desc, m.sku
                 limit ?""",
                row -> new Shortfall(row.getString("sku"), row.getString("name"), row.getLong("orders")),
                first(from), last(to), sku, sku, limit);
    }

    public List<StatusCount> ordersByStatus(ZonedDateTime from, ZonedDateTime to) {
        return ordersByStatus(from, to, Scope.ALL);
    }

    /**
     * Orders placed in the period by their status now, as the staff's list counts them ({@code GET /orders?day=
     * &status=}); a product, category or ingredient: orders with at least one such line.
     */
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
                     and exists (select 1 from orders_read.analytics_order_items l
                                 left join stock.analytics_products p on p.id = l.product_id
                                 where l.order_id = o.order_id""").append(lineConditions(scope, parameters))
                    .append(")");
        }
        return db.query("""
                select o.status, count(*) as orders from orders_read.analytics_order_summaries o
                 where o.created_at >= ? and o.created_at < ? %s
                 group by o.status
                 order by array_position(array['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'PREPARING',
                          'OUT_FOR_DELIVERY', 'DELIVERED', 'REJECTED', 'CANCELLED'], o.status)""".formatted(conditions),
                row -> new StatusCount(row.getString("status"), row.getLong("orders")), parameters.toArray());
    }

    public Totals sales(ZonedDateTime from, ZonedDateTime to) {
        return sales(from, to, Scope.ALL);
    }

    /**
     * Sold orders and their money by the day of their confirmation, as GET /reports/sales counts them; narrowed
     * to lines, only those lines' money (the rows of GET /reports/products) and the orders that have them; one
     * customer's, from that customer's orders (no report has customers), by the same rule.
     */
    public Totals sales(ZonedDateTime from, ZonedDateTime to, Scope scope) {
        if (!scope.customers().isEmpty()) {
            List<Object> parameters = new ArrayList<>(List.of(from, to));
            if (scope.narrowsLines()) {
                String conditions = lineConditions(scope, parameters)
                        + customerCondition("l.customer_id", scope, parameters);
                return db.query("""
                        select count(distinct l.order_id), coalesce(sum(l.quantity * l.unit_price_cents), 0)
                          from orders_read.analytics_order_items l
                          left join stock.analytics_products p on p.id = l.product_id
                         where l.sold and l.confirmed_at >= ? and l.confirmed_at < ? %s""".formatted(conditions),
                        row -> new Totals(row.getLong(1), row.getLong(2)), parameters.toArray()).get(0);
            }
            String conditions = customerCondition("customer_id", scope, parameters);
            return db.query("""
                    select count(*), coalesce(sum(total_cents), 0) from orders_read.analytics_order_summaries
                     where sold and confirmed_at >= ? and confirmed_at < ? %s""".formatted(conditions),
                    row -> new Totals(row.getLong(1), row.getLong(2)), parameters.toArray()).get(0);
        }
        if (scope.narrowsLines()) {
            List<Object> parameters = new ArrayList<>(List.of(first(from), last(to)));
            String conditions = lineConditions(scope, parameters);
            long cents = db.query("""
                    select coalesce(sum(l.revenue_cents), 0) from orders_read.analytics_product_sales l
                      left join stock.analytics_products p on p.id = l.product_id
                     where l.day between ? and ? %s""".formatted(conditions),
                    row -> row.getLong(1), parameters.toArray()).get(0);
            List<Object> orderParameters = new ArrayList<>(List.of(from, to));
            String orderConditions = lineConditions(scope, orderParameters);
            long orders = db.query("""
                    select count(distinct l.order_id) from orders_read.analytics_order_items l
                      left join stock.analytics_products p on p.id = l.product_id
                     where l.sold and l.confirmed_at >= ? and l.confirmed_at < ? %s""".formatted(orderConditions),
                    row -> row.getLong(1), orderParameters.toArray()).get(0);
            return new Totals(orders, cents);
        }
        return db.query("""
                select coalesce(sum(orders), 0), coalesce(sum(revenue_cents), 0) from orders_read.analytics_sales_by_day
                 where day between ? and ?""",
                row -> new Totals(row.getLong(1), row.getLong(2)), first(from), last(to)).get(0);
    }

    /** Payment answers (attempts, declined) by the hour they came in, as GET /reports/payments counts them. */
    public Totals payments(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select coalesce(sum(attempts), 0), coalesce(sum(attempts) filter (where outcome = 'DECLINED'), 0)
                  from orders_read.analytics_payment_outcomes
                 where hour >= ? and hour < ?""",
                row -> new Totals(row.getLong(1), row.getLong(2)), from, to).get(0);
    }

    public List<ReasonCount> declineReasons(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select reason, sum(attempts) as payments from orders_read.analytics_payment_outcomes
                 where outcome = 'DECLINED' and hour >= ? and hour < ?
                 group by reason
                having sum(attempts) <> 0
                 order by payments desc, reason
                 limit 20""",
                row -> new ReasonCount(row.getString("reason"), row.getLong("payments")), from, to);
    }

    /**
     * Cancelled orders by reason and the day they ended: the rows of GET /reports/rejections but OUT_OF_STOCK
     * (there mostly rejections, never confirmed), plus the confirmed orders cancelled OUT_OF_STOCK when stock lost
     * their hold.
     */
    public List<ReasonCount> cancellations(ZonedDateTime from, ZonedDateTime to) {
        return db.query("""
                select reason, sum(orders) as orders from (
                    select reason, orders from orders_read.analytics_rejections_by_day
                     where reason <> 'OUT_OF_STOCK' and day between ? and ?
                    union all
                    select reason, 1 from orders_read.analytics_order_summaries
                     where status = 'CANCELLED' and reason = 'OUT_OF_STOCK' and ended_at >= ? and ended_at < ?
                ) cancelled
                 group by reason
                having sum(orders) <> 0
                 order by orders desc, reason""",
                row -> new ReasonCount(row.getString("reason"), row.getLong("orders")),
                first(from), last(to), from, to);
    }

    /** The first local day of {@code [from, to)}. */
    private static LocalDate first(ZonedDateTime from) {
        return from.toLocalDate();
    }

    /** The last local day of {@code [from, to)}: {@code to} is the start of the day after it. */
    private static LocalDate last(ZonedDateTime to) {
        return to.toLocalDate().minusDays(1);
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
                  from orders_read.analytics_order_summaries
                 where created_at >= ? and created_at < ?
                 group by 1
                 order by orders desc, hour
                 limit ?""",
                row -> new HourCount(row.getInt("hour"), row.getLong("orders")), zone, from, to, limit);
    }

    /**
     * The id (to tell two customers of the same name apart), the name and the count: nothing else. Sold orders by
     * the day of their confirmation, as the sales are counted.
     */
    public List<CustomerOrders> bestCustomers(ZonedDateTime from, ZonedDateTime to, int limit) {
        return db.query("""
                select o.customer_id, c.name, count(*) as orders
                  from orders_read.analytics_order_summaries o
                  left join users.analytics_customers c on c.id = o.customer_id
                 where o.sold and o.confirmed_at >= ? and o.confirmed_at < ?
                 group by o.customer_id, c.name
                 order by orders desc, c.name nulls last, o.customer_id
                 limit ?""",
                row -> new CustomerOrders(String.valueOf(row.getObject("customer_id", UUID.class)),
                        row.getString("name"), row.getLong("orders")), from, to, limit);
    }
}
