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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The read model's tables (schema {@code orders_read}), on the connection of the caller's transaction. */
final class ReadModel {

    static final String SCHEMA = "orders_read";
    /**
     * Every table, in the order a rebuild empties them: the changes before the report tables, in the order a live
     * transaction (summary, then changes) and the folder (changes, then report tables) take them, so none deadlocks.
     */
    static final List<String> TABLES = List.of("order_summaries", "tally_changes", "sales_by_day", "product_sales",
            "payment_outcomes", "rejections_by_day", "missing_by_day");

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

    /** Queues one order's tally changes for {@link Folding}: inserts only, so concurrent events never wait on a row. */
    static void queue(Connection db, List<Projection.Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("insert into orders_read.tally_changes"
                + " (kind, day, hour, key, detail, name, orders, units, revenue_cents) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Projection.Change change : changes) {
                int sign = change.sign();
                Tally tally = change.tally();
                if (tally instanceof Tally.Sale t) {
                    row(insert, "SALE", t.day(), null, null, null, null, sign, t.units() * sign, t.revenueCents() * sign);
                } else if (tally instanceof Tally.ProductSale t) {
                    row(insert, "PRODUCT_SALE", t.day(), null, t.productId().toString(), null, t.name(), sign,
                            t.units() * sign, t.revenueCents() * sign);
                } else if (tally instanceof Tally.PaymentOutcome t) {
                    row(insert, "PAYMENT", null, t.hour(), t.outcome(), t.reason(), null, sign, 0, 0);
                } else if (tally instanceof Tally.Rejection t) {
                    row(insert, "REJECTION", t.day(), null, t.reason(), null, null, sign, 0, 0);
                } else if (tally instanceof Tally.Missing t) {
                    row(insert, "MISSING", t.day(), null, t.sku(), null, t.name(), sign, 0, 0);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void row(PreparedStatement insert, String kind, LocalDate day, Instant hour, String key,
                            String detail, String name, int orders, long units, long revenueCents) throws SQLException {
        insert.setString(1, kind);
        insert.setDate(2, day == null ? null : Date.valueOf(day));
        insert.setTimestamp(3, timestamp(hour));
        insert.setString(4, key);
        insert.setString(5, detail);
        insert.setString(6, name);
        insert.setInt(7, orders);
        insert.setLong(8, units);
        insert.setLong(9, revenueCents);
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
