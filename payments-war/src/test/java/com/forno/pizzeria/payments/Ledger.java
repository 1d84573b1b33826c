package com.forno.pizzeria.payments;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Reads the service's tables directly (as the service's own role): what the API does not show. */
final class Ledger {

    /** A payment row, with what the API keeps to itself: the processor calls and the authorisation code. */
    record Row(UUID id, String status, String reason, int processorCalls, String authorizationCode) {
    }

    private Ledger() {
    }

    static Optional<Row> payment(UUID order) {
        return query("select id, status, reason, processor_calls, authorization_code from payments where order_id = ?",
                order, result -> result.next()
                        ? Optional.of(new Row(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                                result.getInt(4), result.getString(5)))
                        : Optional.empty());
    }

    static String status(UUID order) {
        return payment(order).map(Row::status).orElse(null);
    }

    /** The order's payment owes a void by reference: its authorisation's outcome is unknown and not yet voided. */
    static boolean voidPending(UUID order) {
        return query("select 1 from payments where order_id = ? and void_pending_since is not null", order,
                ResultSet::next);
    }

    static long payments(UUID order) {
        return query("select count(*) from payments where order_id = ?", order, result -> {
            result.next();
            return result.getLong(1);
        });
    }

    /** The consumer applied this message (its inbox row is committed with its effect). */
    static boolean applied(UUID messageId) {
        return query("select 1 from inbox where message_id = ?", messageId, ResultSet::next);
    }

    /** What another transaction finds when it tries to take the order's lock row for a moment. */
    enum Probe { HELD, FREE, ABSENT }

    /**
     * Tries, in a transaction of its own that always rolls back, to insert the order's lock row and gives up after
     * 200 ms: HELD when an open transaction has it (a command of the order is in progress), FREE when the row is
     * committed and nobody holds it, ABSENT when there is no row yet.
     */
    static Probe probeOrderLock(UUID order) {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (var timeout = db.createStatement();
                 PreparedStatement insert = db.prepareStatement(
                         "insert into order_locks (order_id) values (?) on conflict do nothing")) {
                timeout.execute("set local lock_timeout = '200ms'");
                insert.setObject(1, order);
                return insert.executeUpdate() == 1 ? Probe.ABSENT : Probe.FREE;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    return Probe.HELD;
                }
                throw e;
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("probing the lock of order " + order, e);
        }
    }

    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private static <T> T query(String sql, UUID id, Reader<T> reader) {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet result = query.executeQuery()) {
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("PIZZERIA_DATASOURCE_URL"),
                System.getenv("PIZZERIA_DATASOURCE_USER"), System.getenv("PIZZERIA_DATASOURCE_PASSWORD"));
    }
}
