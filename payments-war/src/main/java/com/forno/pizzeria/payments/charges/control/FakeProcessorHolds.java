package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link FakeCardProcessor}'s books: {@code fake_processor_holds} and {@code fake_processor_faults}. The fake
 * stands in for an external acquirer, so every statement commits on its own (plain JDBC in auto-commit) and never
 * joins a transaction of payments: {@code NOT_SUPPORTED} suspends the caller's, if it has one (the Acquirer calls
 * from Fault Tolerance's threads, which have none). What the processor did stays done when payments rolls back.
 * A connection is held for one statement at a time, never while the fake makes its caller wait.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class FakeProcessorHolds {

    /** Where a hold stands at the processor. */
    public enum Status {
        HELD, CAPTURED, VOIDED, REFUNDED;

        /** The moves a processor makes: a hold is captured or voided, a capture refunded; nothing else. */
        public boolean mayBecome(Status next) {
            return switch (this) {
                case HELD -> next == CAPTURED || next == VOIDED;
                case CAPTURED -> next == REFUNDED;
                case VOIDED, REFUNDED -> false;
            };
        }
    }

    /** A hold; {@code code} is null for a reference that was voided before anything was held under it. */
    public record Hold(String reference, String code, Status status) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** The hold under {@code reference}; a new one, HELD under {@code code}, when there is none yet. */
    public Hold hold(String reference, String code, long amountCents, String currency) {
        update("""
                insert into fake_processor_holds (reference, authorization_code, amount_cents, currency, status)
                     values (?, ?, ?, ?, 'HELD')
                on conflict (reference) do nothing""", reference, code, amountCents, currency);
        return byReference(reference).orElseThrow();
    }

    /**
     * Spends {@code reference} with nothing held (a void that came before its authorisation); {@code false} when
     * the reference has a row already.
     */
    public boolean tombstone(String reference) {
        return update("""
                insert into fake_processor_holds (reference, status) values (?, 'VOIDED')
                on conflict (reference) do nothing""", reference) == 1;
    }

    public Optional<Hold> byReference(String reference) {
        return find("reference", reference);
    }

    public Optional<Hold> byCode(String code) {
        return find("authorization_code", code);
    }

    /** Moves the hold {@code from} → {@code to}; {@code false} when it was no longer {@code from}. */
    public boolean move(String reference, Status from, Status to) {
        return update("""
                update fake_processor_holds set status = ?, updated_at = now()
                 where reference = ? and status = ?""", to.name(), reference, from.name()) == 1;
    }

    /** Uses up one failure injected for {@code operation} under {@code reference}; {@code true} if there was one. */
    public boolean failureInjected(String reference, String operation) {
        return update("""
                update fake_processor_faults set failures_left = failures_left - 1
                 where reference = ? and operation = ? and failures_left > 0""", reference, operation) == 1;
    }

    private Optional<Hold> find(String column, String value) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement(
                     "select reference, authorization_code, status from fake_processor_holds where " + column + " = ?")) {
            autoCommit(db);
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Hold(row.getString(1), row.getString(2), Status.valueOf(row.getString(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection db = dataSource.getConnection();
             PreparedStatement statement = db.prepareStatement(sql)) {
            autoCommit(db);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Never left to the pool's last user: each statement of the processor's is final on its own. */
    private static void autoCommit(Connection db) throws SQLException {
        if (!db.getAutoCommit()) {
            db.setAutoCommit(true);
        }
    }

    /** The processor's own storage failed: to payments that is a processor failing to answer, worth retrying. */
    private static ProcessorFailure unreachable(SQLException e) {
        return new ProcessorFailure("the card processor failed to answer (its storage: " + e.getSQLState() + ")", e);
    }
}
