package com.forno.pizzeria.ai.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * The other services' data, as the container tests need it: their schemas built by their own migrations (so the
 * real views and grants are tested), and rows written directly as the postgres superuser (trust on loopback).
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
            "payments.analytics_payments");

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

    /** An order as orders-war would have left it. {@code shortages}: JSON, for OUT_OF_STOCK rejections. */
    static UUID order(UUID customer, String status, String reason, Instant at, String shortages, Line... lines) {
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
        return id;
    }

    static void payment(UUID order, UUID customer, String status, String reason, long cents, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
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
                     where schemaname in ('ai', 'users', 'orders', 'stock', 'payments')""")) {
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
