package com.forno.pizzeria.platform.persistence;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tells a failure of the infrastructure (the database unreachable, restarting, out of connections, a lock or
 * serialisation conflict: the same work succeeds later) from a failure of the work itself (a bug, a bad message).
 * The first is waited out; only the second may count against a message's delivery limit or answer 500.
 */
public final class Outages {

    /** SQLSTATE classes and codes that say "not now" rather than "never" (PostgreSQL's error codes appendix). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08", // connection exception: refused, broken, failed
            "53", // insufficient resources: too many connections, out of memory or disk
            "57"  // operator intervention: shutting down, crashed, cannot connect now, query cancelled
    );
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization failure
            "40P01", // deadlock detected
            "55P03", // lock not available
            "25P03"  // idle in transaction session timeout
    );

    private Outages() {
    }

    /** {@code true} when anything in the failure's causes says the database is away or busy, not the work wrong. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database answers now (within a second). */
    public static boolean databaseAnswers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    static boolean transientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }
}
