package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay's database side. Its sweep ({@link #publishBacklog}) is one pass in its own transaction: lock a batch of
 * unsent rows older than a grace period (skipping rows another instance's relay holds), publish them, wait for the
 * broker's confirms, and mark sent exactly the confirmed ones. A row whose confirm does not come stays unsent and
 * goes again next pass; consumers' inboxes absorb the duplicate. The grace period leaves fresh rows to the relay of
 * the instance that committed them, which publishes them from memory and only marks them ({@link #markSent}).
 * <p>
 * An EJB, not a CDI {@code @Transactional} bean: the relay calls it on its own thread, made in the platform's
 * start-up singleton, and there Payara left the connections of a CDI transaction in auto-commit. The row locks then
 * ended with each statement, and two instances' relays could take the same rows. An EJB invocation always enlists.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxSweep {

    /** What a pass did: rows it took, and how many of them the broker confirmed. */
    public record Pass(int taken, int confirmed) {

        boolean complete() {
            return taken == confirmed;
        }
    }

    /** An outbox row, as it goes on the wire. */
    public record Row(UUID id, String routingKey, String type, String correlationId, String message) {
    }

    /** Publishes rows and answers the ids the broker confirmed. */
    @FunctionalInterface
    public interface Publisher {

        List<UUID> publish(List<Row> rows) throws JMSException, InterruptedException;
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Publishes up to {@code limit} unsent rows committed at least {@code graceMillis} ago. */
    public Pass publishBacklog(Publisher publisher, int limit, long graceMillis)
            throws SQLException, JMSException, InterruptedException {
        try (Connection db = dataSource.getConnection()) {
            List<Row> rows = lockUnsent(db, limit, graceMillis);
            if (rows.isEmpty()) {
                return new Pass(0, 0);
            }
            List<UUID> confirmed = publisher.publish(rows);
            markSent(db, confirmed, ids(rows));
            return new Pass(rows.size(), confirmed.size());
        }
    }

    /**
     * Marks rows published from memory: one statement, no transaction around it (the rows are not locked; a row
     * that a sweep published meanwhile keeps its first {@code sent_at}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void markSent(List<UUID> confirmed, List<Row> attempted) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            markSent(db, confirmed, ids(attempted));
        }
    }

    /** Unsent rows and the age of the oldest, in seconds (0 when none): the relay's health in two numbers. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long[] backlog() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("""
                     select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                       from outbox where sent_at is null""");
             ResultSet result = query.executeQuery()) {
            result.next();
            return new long[] {result.getLong(1), (long) result.getDouble(2)};
        } catch (SQLException e) {
            throw new IllegalStateException("reading the outbox backlog failed", e);
        }
    }

    /** Forgets sent messages and applied message ids older than their retention. */
    public void purge(int outboxDays, int inboxDays) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement outbox = db.prepareStatement(
                     "delete from outbox where sent_at < now() - make_interval(days => ?)");
             PreparedStatement inbox = db.prepareStatement(
                     "delete from inbox where received_at < now() - make_interval(days => ?)")) {
            outbox.setInt(1, outboxDays);
            outbox.executeUpdate();
            inbox.setInt(1, inboxDays);
            inbox.executeUpdate();
        }
    }

    private static List<Row> lockUnsent(Connection db, int limit, long graceMillis) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                select id, routing_key, type, correlation_id, message
                  from outbox
                 where sent_at is null
                   and created_at < now() - ? * interval '1 millisecond'
                 order by created_at
                 limit ?
                   for update skip locked""")) {
            select.setLong(1, graceMillis);
            select.setInt(2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5)));
                }
            }
            return rows;
        }
    }

    /** One statement: every attempted row counts an attempt, and the confirmed ones are sent. */
    private static void markSent(Connection db, List<UUID> confirmed, List<UUID> attempted) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("""
                update outbox
                   set attempts = attempts + 1,
                       sent_at = case when id = any(?) then now() end
                 where id = any(?)
                   and sent_at is null""")) {
            update.setArray(1, db.createArrayOf("uuid", confirmed.toArray()));
            update.setArray(2, db.createArrayOf("uuid", attempted.toArray()));
            update.executeUpdate();
        }
    }

    private static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }
}
