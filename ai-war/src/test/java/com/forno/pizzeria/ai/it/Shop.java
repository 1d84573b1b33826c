package com.forno.pizzeria.ai.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * The other services' data, as the container tests need it: their schemas built by their own migrations (so the
 * real views and grants are tested), and rows written directly as the postgres superuser (trust on loopback).
 * <p>
 * An order is written twice, as orders-war would have left it: in orders' own tables (what recommendations and the
 * orders views read) and in its read model, {@code orders_read} (what the chat tools read): the order's summary and
 * its contribution to the report rows, by the rule of orders' {@code OrderSummary.tallies} (a sale on the local day
 * of its confirmation, a rejection on the day it ended, a payment answer in its local hour), already folded. The
 * read side's own rules (merging events, folding) are orders-war's {@code ReportsIT}'s to prove; on the whole stack
 * {@code ChatFiguresThroughTheGatewayIT} checks the chatbot against GET /reports/* on orders the saga decided.
 * <p>
 * The analytics role is created here the way {@code bin/pizzeria provision} creates it for a stack: LOGIN, the
 * services' password, read-only by default, a 3 s statement timeout, CONNECT on the database, nothing else.
 */
final class Shop {

    static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
    static final List<String> SIBLINGS = List.of("users", "orders", "stock", "payments");
    static final List<String> WHITELIST = List.of("users.analytics_customers", "orders.analytics_orders",
            "orders.analytics_order_lines", "orders.analytics_order_shortages", "stock.analytics_products",
            "stock.analytics_recipes", "stock.analytics_ingredients", "stock.analytics_consumption",
            "payments.analytics_payments", "orders_read.analytics_sales_by_day", "orders_read.analytics_product_sales",
            "orders_read.analytics_payment_outcomes", "orders_read.analytics_rejections_by_day",
            "orders_read.analytics_missing_by_day", "orders_read.analytics_order_summaries",
            "orders_read.analytics_order_items");
    static final Set<String> SOLD = Set.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED");

    private static final AtomicInteger DAYS = new AtomicInteger();
    private static boolean ready;

    private Shop() {
    }

    static String url() {
        return System.getProperty("it.jdbc.url");
    }

    static String database() {
        return url().substring(url().lastIndexOf('/') + 1);
    }

    static String role() {
        return System.getProperty("it.analytics.role");
    }

    static String password() {
        return System.getProperty("it.db.password");
    }

    static Connection superuser() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "");
    }

    static Connection analytics() throws SQLException {
        return DriverManager.getConnection(url(), role(), password());
    }

    /** The analytics role, then the four other services' schemas from their own migration folders. Once. */
    static synchronized void ready() {
        if (ready) {
            return;
        }
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role() + "') then "
                    + "create role " + role() + " login; end if; end $$");
            sql.execute("alter role " + role() + " with login password '" + password() + "'");
            sql.execute("alter role " + role() + " set default_transaction_read_only = on");
            sql.execute("alter role " + role() + " set statement_timeout = '3s'");
            sql.execute("grant connect on database " + database() + " to " + role());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the analytics role", e);
        }
        for (String schema : SIBLINGS) {
            Flyway.configure(Shop.class.getClassLoader())
                    .dataSource(url(), database() + "_" + schema, password())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .locations("filesystem:" + System.getProperty("it.root") + "/" + schema
                            + "-war/src/main/resources/db/migration")
                    .placeholders(Map.of("analyticsRole", role()))
                    .load()
                    .migrate();
        }
        // orders' read model, from its own folder, in the schema provisioning gave the orders role
        Flyway.configure(Shop.class.getClassLoader())
                .dataSource(url(), database() + "_orders", password())
                .schemas("orders_read")
                .defaultSchema("orders_read")
                .locations("filesystem:" + System.getProperty("it.root") + "/orders-war/src/main/resources/db/orders_read")
                .placeholders(Map.of("analyticsRole", role()))
                .load()
                .migrate();
        ready = true;
    }

    // --- a unique past period for each test that counts exactly ------------------------------------------------

    /** The first of three days no other test writes orders in: long ago, so that nothing recent is disturbed. */
    static LocalDate quietDays() {
        return LocalDate.now(ZONE).minusDays(120L + 4L * DAYS.getAndIncrement());
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    // --- rows ----------------------------------------------------------------------------------------------------

    static UUID customer(String name, String email) {
        UUID id = UUID.randomUUID();
        update("""
                insert into users.users (id, name, email, role, password_hash, created_at, updated_at)
                values (?, ?, ?, 'customer', 'PBKDF2WithHmacSHA256:600000:not-a-real-hash', now(), now())""",
                id, name, email.toLowerCase());
        return id;
    }

    /** An ingredient; returns its sku. */
    static String ingredient(String name, long onHand, long lowStockThreshold) {
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        update("""
                insert into stock.ingredient (sku, name, unit, on_hand, reserved, low_stock_threshold, safety_buffer,
                                              low_published, created_at, updated_at)
                values (?, ?, 'g', ?, 0, ?, 0, false, now(), now())""", sku, name, onHand, lowStockThreshold);
        return sku;
    }

    /** A product made of {@code recipe} (sku → quantity per unit). */
    static UUID product(String name, String category, String description, Map<String, Long> recipe) {
        UUID id = UUID.randomUUID();
        update("""
                insert into stock.product (id, name, description, category, price_cents, active, sold_out_manually,
                                           sold_out_published, created_at, updated_at)
                values (?, ?, ?, ?, 5000, true, false, false, now(), now())""", id, name, description, category);
        recipe.forEach((sku, quantity) -> update(
                "insert into stock.recipe_line (product_id, ingredient_sku, quantity) values (?, ?, ?)",
                id, sku, quantity));
        return id;
    }

    static void onHand(String sku, long onHand) {
        update("update stock.ingredient set on_hand = ?, updated_at = now() where sku = ?", onHand, sku);
    }

    static void soldOutByHand(UUID product, boolean soldOut) {
        update("update stock.product set sold_out_manually = ?, sold_out_until = null, updated_at = now() where id = ?",
                soldOut, product);
    }

    /** One line of an order: product, quantity, unit price. */
    record Line(UUID product, int quantity, long unitPriceCents) {
    }

    static Line line(UUID product, int quantity, long unitPriceCents) {
        return new Line(product, quantity, unitPriceCents);
    }

    /**
     * An order as orders-war would have left it, in its tables and in its read model (see above). {@code shortages}:
     * JSON, for OUT_OF_STOCK rejections.
     */
    static UUID order(UUID customer, String status, String reason, Instant at, String shortages, Line... lines) {
        return order(customer, status, reason, at, at, shortages, lines);
    }

    /** An order placed at {@code at} and decided (confirmed, rejected or cancelled) at {@code decided}. */
    static UUID order(UUID customer, String status, String reason, Instant at, Instant decided, String shortages,
                      Line... lines) {
        UUID id = UUID.randomUUID();
        long total = 0;
        for (Line line : lines) {
            total += line.quantity() * line.unitPriceCents();
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        update("""
                insert into orders.orders (id, customer_id, idempotency_key, request_hash, status, reason, shortages,
                                           total_cents, currency, street, card_token, created_at, updated_at, decided_at)
                values (?, ?, ?, 'hash', ?, ?, ?, ?, 'BRL', 'Rua Secreta 1', 'tok_secret', ?, ?, ?)""",
                id, customer, id.toString(), status, reason, shortages, total, when, when, when);
        int n = 1;
        for (Line line : lines) {
            update("""
                    insert into orders.order_lines (order_id, line, product_id, name, quantity, unit_price_cents)
                    values (?, ?, ?, (select name from stock.product where id = ?), ?, ?)""",
                    id, n++, line.product(), line.product(), line.quantity(), line.unitPriceCents());
        }
        readModel(id, customer, status, reason, at, decided, shortages, total, lines);
        return id;
    }

    /** The order's summary row and what it adds to the report rows (OrderSummary.tallies), folded. */
    private static void readModel(UUID id, UUID customer, String status, String reason, Instant at, Instant decided,
                                  String shortages, long total, Line... lines) {
        boolean ended = "REJECTED".equals(status) || "CANCELLED".equals(status);
        // confirmed: every sold status, and a confirmed order stock lost the hold of (cancelled OUT_OF_STOCK)
        boolean confirmed = SOLD.contains(status) || ("CANCELLED".equals(status) && "OUT_OF_STOCK".equals(reason));
        JsonArrayBuilder items = Json.createArrayBuilder();
        Map<UUID, long[]> products = new TreeMap<>();
        long units = 0;
        for (Line line : lines) {
            items.add(Json.createObjectBuilder().add("productId", line.product().toString())
                    .add("name", productName(line.product())).add("quantity", line.quantity())
                    .add("unitPriceCents", line.unitPriceCents()));
            units += line.quantity();
            long[] sums = products.computeIfAbsent(line.product(), p -> new long[2]);
            sums[0] += line.quantity();
            sums[1] += line.quantity() * line.unitPriceCents();
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        OffsetDateTime then = OffsetDateTime.ofInstant(decided, ZoneOffset.UTC);
        List<String> missing = new ArrayList<>();
        if (shortages != null) {
            Json.createReader(new StringReader(shortages)).readArray()
                    .forEach(s -> missing.add(s.asJsonObject().getString("sku")));
        }
        update("""
                insert into orders_read.order_summaries (order_id, customer_id, status, reason, last_seq, items,
                    total_cents, units, shortages, timeline, created_at, confirmed_at, ended_at, event_at)
                values (?, ?, ?, ?, 1, ?, ?, ?, ?, '[]', ?, ?, ?, ?)""",
                id, customer, status, reason, items.build().toString(), total, (int) units, shortages, when,
                confirmed ? then : null, ended ? then : null, then);
        LocalDate day = LocalDate.ofInstant(decided, ZONE);
        if (confirmed && !ended) {
            update("""
                    insert into orders_read.sales_by_day (day, orders, units, revenue_cents) values (?, 1, ?, ?)
                    on conflict (day) do update set orders = sales_by_day.orders + 1,
                        units = sales_by_day.units + excluded.units,
                        revenue_cents = sales_by_day.revenue_cents + excluded.revenue_cents""", day, units, total);
            products.forEach((product, sums) -> update("""
                    insert into orders_read.product_sales (day, product_id, name, units, revenue_cents)
                    values (?, ?, ?, ?, ?)
                    on conflict (day, product_id) do update set units = product_sales.units + excluded.units,
                        revenue_cents = product_sales.revenue_cents + excluded.revenue_cents""",
                    day, product, productName(product), sums[0], sums[1]));
        }
        if (ended && reason != null) {
            update("""
                    insert into orders_read.rejections_by_day (day, reason, orders) values (?, ?, 1)
                    on conflict (day, reason) do update set orders = rejections_by_day.orders + 1""", day, reason);
            missing.stream().distinct().forEach(sku -> update("""
                    insert into orders_read.missing_by_day (day, sku, name, orders)
                    values (?, ?, (select name from stock.ingredient where sku = ?), 1)
                    on conflict (day, sku) do update set orders = missing_by_day.orders + 1""", day, sku, sku));
        }
    }

    private static String productName(UUID product) {
        try (Connection db = superuser();
             PreparedStatement sql = db.prepareStatement("select name from stock.product where id = ?")) {
            sql.setObject(1, product);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getString(1) : "?";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A payment of the order, in payments' tables and, as the answer orders heard (approved, or declined with its
     * reason), in orders' read model: the order's summary and the payment row of its local hour.
     */
    static void payment(UUID order, UUID customer, String status, String reason, long cents, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String outcome = "DECLINED".equals(status) ? "DECLINED" : "APPROVED";
        String why = "DECLINED".equals(status) ? (reason == null ? "UNKNOWN" : reason) : "";
        update("""
                update orders_read.order_summaries set payment_outcome = ?, payment_reason = ?, payment_at = ?
                 where order_id = ?""", outcome, reason, when, order);
        update("""
                insert into orders_read.payment_outcomes (hour, outcome, reason, attempts) values (?, ?, ?, 1)
                on conflict (hour, outcome, reason) do update set attempts = payment_outcomes.attempts + 1""",
                OffsetDateTime.ofInstant(at.atZone(ZONE).truncatedTo(ChronoUnit.HOURS).toInstant(), ZoneOffset.UTC),
                outcome, why);
        update("insert into payments.order_locks (order_id, created_at) values (?, ?)", order, when);
        update("""
                insert into payments.payments (id, order_id, customer_id, status, amount_cents, currency, reason,
                                               authorization_code, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'BRL', ?, ?, ?, ?)""", UUID.randomUUID(), order, customer, status, cents, reason,
                "DECLINED".equals(status) ? null : "auth-" + order, when, when);
    }

    /** A SALE in stock's ledger: what a confirmed order consumed. */
    static void sale(String sku, long quantity, Instant at) {
        update("""
                insert into stock.movement (id, ingredient_sku, type, on_hand_delta, reserved_delta, on_hand_after,
                                            reserved_after, order_id, reason, actor, occurred_at)
                values (?, ?, 'SALE', ?, ?, (select on_hand from stock.ingredient where sku = ?), 0, ?, 'test', 'system', ?)""",
                UUID.randomUUID(), sku, -quantity, -quantity, sku, UUID.randomUUID(),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** How many rows each table of the five schemas has: proof that nothing was written. */
    static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    select schemaname || '.' || tablename from pg_tables
                     where schemaname in ('ai', 'users', 'orders', 'orders_read', 'stock', 'payments')""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static void update(String statement, Object... parameters) {
        try (Connection db = superuser(); PreparedStatement sql = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
