package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.orders.reporting.control.OrderSummary.Step;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read model's tables (schema {@code orders_read}), on the connection of the caller's transaction. */
final class ReadModel {

    static final String SCHEMA = "orders_read";
    /** Every table, in the order a rebuild empties them. */
    static final List<String> TABLES = List.of("order_summaries", "sales_by_day", "product_sales", "payment_outcomes",
            "rejections_by_day", "missing_by_day");

    private static final String COLUMNS = """
            customer_id, channel, status, reason, last_seq, items, total_cents, units, delivery_address, shortages,
            timeline, created_at, confirmed_at, ended_at, payment_outcome, payment_reason, payment_at, event_at""";

    private ReadModel() {
    }

    /** The order's summary, locked until the transaction ends; empty if the read side has never heard of it. */
    static Optional<OrderSummary> locked(Connection db, UUID orderId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "select " + COLUMNS + " from orders_read.order_summaries where order_id = ? for update")) {
            select.setObject(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(summary(orderId, row)) : Optional.empty();
            }
        }
    }

    /** Inserts a summary the read side had not heard of; false if another transaction inserted it meanwhile. */
    static boolean insert(Connection db, OrderSummary s) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into orders_read.order_summaries (" + COLUMNS
                + ", order_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            bind(insert, s);
            return insert.executeUpdate() == 1;
        }
    }

    static void update(Connection db, OrderSummary s) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update orders_read.order_summaries set ("
                + COLUMNS + ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) where order_id = ?")) {
            bind(update, s);
            update.executeUpdate();
        }
    }

    /** Adds ({@code sign} 1) or takes away (-1) one order's tally; a row that comes to nothing goes. */
    static void add(Connection db, Tally tally, int sign) throws SQLException {
        if (tally instanceof Tally.Sale t) {
            change(db, """
                    insert into orders_read.sales_by_day as s (day, orders, units, revenue_cents) values (?, ?, ?, ?)
                    on conflict (day) do update set orders = s.orders + excluded.orders,
                        units = s.units + excluded.units, revenue_cents = s.revenue_cents + excluded.revenue_cents""",
                    "delete from orders_read.sales_by_day where day = ? and orders = 0",
                    List.of(Date.valueOf(t.day())), sign, t.units() * sign, t.revenueCents() * sign);
        } else if (tally instanceof Tally.ProductSale t) {
            change(db, """
                    insert into orders_read.product_sales as p (day, product_id, name, units, revenue_cents)
                    values (?, ?, ?, ?, ?)
                    on conflict (day, product_id) do update set units = p.units + excluded.units,
                        revenue_cents = p.revenue_cents + excluded.revenue_cents,
                        name = case when excluded.units > 0 then excluded.name else p.name end""",
                    "delete from orders_read.product_sales where day = ? and product_id = ? and units = 0",
                    List.of(Date.valueOf(t.day()), t.productId()), t.name(), t.units() * sign,
                    t.revenueCents() * sign);
        } else if (tally instanceof Tally.PaymentOutcome t) {
            change(db, """
                    insert into orders_read.payment_outcomes as o (hour, outcome, reason, attempts) values (?, ?, ?, ?)
                    on conflict (hour, outcome, reason) do update set attempts = o.attempts + excluded.attempts""",
                    "delete from orders_read.payment_outcomes where hour = ? and outcome = ? and reason = ? and attempts = 0",
                    List.of(Timestamp.from(t.hour()), t.outcome(), t.reason()), sign);
        } else if (tally instanceof Tally.Rejection t) {
            change(db, """
                    insert into orders_read.rejections_by_day as r (day, reason, orders) values (?, ?, ?)
                    on conflict (day, reason) do update set orders = r.orders + excluded.orders""",
                    "delete from orders_read.rejections_by_day where day = ? and reason = ? and orders = 0",
                    List.of(Date.valueOf(t.day()), t.reason()), sign);
        } else if (tally instanceof Tally.Missing t) {
            change(db, """
                    insert into orders_read.missing_by_day as m (day, sku, name, orders) values (?, ?, ?, ?)
                    on conflict (day, sku) do update set orders = m.orders + excluded.orders,
                        name = coalesce(case when excluded.orders > 0 then excluded.name end, m.name)""",
                    "delete from orders_read.missing_by_day where day = ? and sku = ? and orders = 0",
                    List.of(Date.valueOf(t.day()), t.sku()), t.name(), sign);
        }
    }

    /** Upserts key + values; after taking away, deletes the row (by key) if it came to nothing. */
    private static void change(Connection db, String upsert, String deleteIfNothing, List<Object> key, Object... values)
            throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(upsert)) {
            int i = 1;
            for (Object k : key) {
                statement.setObject(i++, k);
            }
            for (Object v : values) {
                if (v == null) {
                    statement.setNull(i++, Types.VARCHAR);
                } else {
                    statement.setObject(i++, v);
                }
            }
            statement.executeUpdate();
        }
        boolean tookAway = Arrays.stream(values).anyMatch(v -> v instanceof Number n && n.longValue() < 0);
        if (tookAway) {
            try (PreparedStatement statement = db.prepareStatement(deleteIfNothing)) {
                for (int i = 0; i < key.size(); i++) {
                    statement.setObject(i + 1, key.get(i));
                }
                statement.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement s, OrderSummary o) throws SQLException {
        s.setObject(1, o.customerId);
        s.setString(2, o.channel);
        s.setString(3, o.status);
        s.setString(4, o.reason);
        s.setInt(5, o.lastSeq);
        s.setString(6, o.items == null ? null : Json.toJson(o.items));
        s.setObject(7, o.totalCents, Types.BIGINT);
        s.setObject(8, o.items == null ? null : o.units(), Types.INTEGER);
        s.setString(9, o.deliveryAddress == null ? null : Json.toJson(o.deliveryAddress));
        s.setString(10, o.shortages == null ? null : Json.toJson(o.shortages));
        s.setString(11, Json.toJson(o.timeline()));
        s.setTimestamp(12, timestamp(o.createdAt));
        s.setTimestamp(13, timestamp(o.confirmedAt));
        s.setTimestamp(14, timestamp(o.endedAt));
        s.setString(15, o.paymentOutcome);
        s.setString(16, o.paymentReason);
        s.setTimestamp(17, timestamp(o.paymentAt));
        s.setTimestamp(18, timestamp(o.eventAt));
        s.setObject(19, o.orderId);
    }

    /** A summary from a row of {@link #COLUMNS} (a select may add columns after them). */
    static OrderSummary summary(UUID orderId, ResultSet row) throws SQLException {
        OrderSummary o = new OrderSummary(orderId);
        o.customerId = row.getObject("customer_id", UUID.class);
        o.channel = row.getString("channel");
        o.status = row.getString("status");
        o.reason = row.getString("reason");
        o.lastSeq = row.getInt("last_seq");
        String items = row.getString("items");
        o.items = items == null ? null : List.of(Json.fromJson(items, OrderLine[].class));
        long total = row.getLong("total_cents");
        o.totalCents = row.wasNull() ? null : total;
        String address = row.getString("delivery_address");
        o.deliveryAddress = address == null ? null : Json.fromJson(address, DeliveryAddress.class);
        String shortages = row.getString("shortages");
        o.shortages = shortages == null ? null : List.of(Json.fromJson(shortages, Shortage[].class));
        for (Step step : Json.fromJson(row.getString("timeline"), Step[].class)) {
            o.timeline.put(step.seq(), step);
        }
        o.createdAt = instant(row.getTimestamp("created_at"));
        o.confirmedAt = instant(row.getTimestamp("confirmed_at"));
        o.endedAt = instant(row.getTimestamp("ended_at"));
        o.paymentOutcome = row.getString("payment_outcome");
        o.paymentReason = row.getString("payment_reason");
        o.paymentAt = instant(row.getTimestamp("payment_at"));
        o.eventAt = instant(row.getTimestamp("event_at"));
        return o;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
