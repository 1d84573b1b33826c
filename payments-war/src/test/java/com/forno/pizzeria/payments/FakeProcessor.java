package com.forno.pizzeria.payments;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in fake processor's books as a test sees them (its tables, read as the service's role): what is held
 * under an order's reference; and its failure switch.
 */
final class FakeProcessor {

    /** A hold; code and amount are null for a reference voided before anything was held under it. */
    record Hold(String status, String authorizationCode, Long amountCents) {
    }

    private FakeProcessor() {
    }

    /** The hold under the order's reference (the order id), if the processor has one. */
    static Optional<Hold> hold(UUID order) {
        try (Connection db = connect();
             PreparedStatement query = db.prepareStatement(
                     "select status, authorization_code, amount_cents from fake_processor_holds where reference = ?")) {
            query.setString(1, order.toString());
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Hold(row.getString(1), row.getString(2), row.getObject(3, Long.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the hold of order " + order, e);
        }
    }

    static String holdStatus(UUID order) {
        return hold(order).map(Hold::status).orElse(null);
    }

    /** The next {@code times} requests of {@code operation} (capture, void, refund) under the order's reference fail. */
    static void failNext(UUID order, String operation, int times) {
        try (Connection db = connect();
             PreparedStatement upsert = db.prepareStatement("""
                     insert into fake_processor_faults (reference, operation, failures_left) values (?, ?, ?)
                     on conflict (reference, operation) do update set failures_left = excluded.failures_left""")) {
            upsert.setString(1, order.toString());
            upsert.setString(2, operation);
            upsert.setInt(3, times);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("switching failures of order " + order, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("PIZZERIA_DATASOURCE_URL"),
                System.getenv("PIZZERIA_DATASOURCE_USER"), System.getenv("PIZZERIA_DATASOURCE_PASSWORD"));
    }
}
