package com.forno.pizzeria.stock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stock schema directly (as the service's own role), for what the API does not show: the ledger's sums,
 * reservation rows. Read-only, but for a row lock a test may hold.
 */
final class Db {

    private Db() {
    }

    /** Per ingredient: current on_hand and reserved, and the sums of the ledger's deltas, read in one snapshot. */
    record Balance(long onHand, long reserved, long onHandFromLedger, long reservedFromLedger) {
    }

    static Balance balance(String sku) {
        return one("""
                select i.on_hand, i.reserved, coalesce(sum(m.on_hand_delta), 0), coalesce(sum(m.reserved_delta), 0)
                  from stock.ingredient i left join stock.movement m on m.ingredient_sku = i.sku
                 where i.sku = ? group by i.sku""", sku,
                r -> new Balance(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
    }

    /** How many ledger lines of this type the ingredient has. */
    static long movements(String sku, String type) {
        return one("select count(*) from stock.movement where ingredient_sku = ? and type = '" + type + "'", sku,
                r -> r.getLong(1));
    }

    /** The reasons of this ingredient's ledger lines of this type, oldest first. */
    static List<String> movementReasons(String sku, String type) {
        return all("select reason from stock.movement where ingredient_sku = ? and type = '" + type + "' order by seq",
                sku, r -> r.getString(1));
    }

    /** The types of the messages the service wrote to its outbox about this order, oldest first. */
    static List<String> sent(java.util.UUID orderId) {
        return all("select type from stock.outbox where correlation_id = ? order by created_at, id", orderId.toString(),
                r -> r.getString(1));
    }

    /** Whether the service has applied (and committed) the message with this id: its inbox has it. */
    static boolean applied(java.util.UUID messageId) {
        return one("select count(*) from stock.inbox where message_id = ?::uuid", messageId.toString(),
                r -> r.getLong(1)) == 1;
    }

    static String reservationState(java.util.UUID orderId) {
        return one("select coalesce((select state from stock.reservation where order_id = ?::uuid), 'NONE')",
                orderId.toString(), r -> r.getString(1));
    }

    /** A row lock held by a transaction of the test's own, until closed (rolled back). */
    interface RowLock extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /** Locks the ingredient's row as any stock transaction would, and keeps it until the lock is closed. */
    static RowLock lockIngredient(String sku) throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select sku from stock.ingredient where sku = ? for update")) {
            lock.setString(1, sku);
            lock.executeQuery().close();
        }
        return () -> {
            connection.rollback();
            connection.close();
        };
    }

    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static <T> T one(String sql, String parameter, Row<T> row) {
        List<T> rows = all(sql, parameter, row);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " for " + parameter);
        }
        return rows.get(0);
    }

    static <T> List<T> all(String sql, String parameter, Row<T> row) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.jdbc.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }
}
