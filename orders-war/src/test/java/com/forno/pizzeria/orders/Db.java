package com.forno.pizzeria.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the orders schema directly (as the service's own role), for what the API does not show; writes only what an
 * instance of orders could have left behind.
 */
final class Db {

    private Db() {
    }

    /** The types of the messages orders wrote to its outbox about this order, oldest first. */
    static List<String> outbox(String orderId) {
        List<String> types = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select type from orders.outbox where correlation_id = ? order by created_at, id")) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether orders has applied (and committed) the message with this id: its inbox has it. */
    static boolean applied(UUID messageId) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from orders.inbox where message_id = ?::uuid")) {
            query.setString(1, messageId.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sale's tally change queued and committed, as an instance that died before folding it would have left it. */
    static void queuedSale(java.time.LocalDate day, long units, long revenueCents) {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("insert into orders_read.tally_changes"
                     + " (kind, day, orders, units, revenue_cents) values ('SALE', ?, 1, ?, ?)")) {
            insert.setObject(1, day);
            insert.setLong(2, units);
            insert.setLong(3, revenueCents);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.jdbc.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }
}
