package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.platform.persistence.Database;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The relay's work with the database. {@link #publish} is the sweep: in its own transaction, lock a batch of unsent
 * rows older than the grace (rows the relay of the instance that wrote them had its chance to publish; skipping rows
 * another instance's sweep holds), publish them, wait for the broker's confirms, and mark sent exactly the confirmed
 * ones. {@link #markSent} records, in one transaction, rows the relay published straight after their commit.
 * Either way a sent row's secrets are blanked (a card token stays at rest no longer than its message waits). A row
 * whose confirm does not come stays unsent and goes again; consumers absorb the duplicate. Should the sweep stall
 * while it holds the rows (a publish that the broker stopped reading), PostgreSQL ends its transaction after
 * {@link #IDLE_LIMIT} and the rows are free for the next pass.
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

    /** An outbox row as written: what the relay publishes. */
    public record Row(UUID id, String exchange, String routingKey, String type, String correlationId, String message,
               String headers) {
    }

    /** How long a pass may hold its rows without a word to the database (publishing and waiting for confirms). */
    static final String IDLE_LIMIT = "30s";

    private static final Map<String, RMQDestination> DESTINATIONS = new ConcurrentHashMap<>();

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Pass publish(Session session, MessageProducer producer, int limit, long confirmTimeoutMillis,
                        long graceMillis) throws SQLException, JMSException, InterruptedException {
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement idleLimit = db.prepareStatement(
                    "set local idle_in_transaction_session_timeout = '" + IDLE_LIMIT + "'")) {
                idleLimit.execute();
            }
            List<Row> rows = lockUnsent(db, limit, graceMillis);
            if (rows.isEmpty()) {
                return new Pass(0, 0);
            }
            List<Row> confirmed = send(session, producer, rows, confirmTimeoutMillis);
            markSent(db, confirmed, rows);
            return new Pass(rows.size(), confirmed.size());
        }
    }

    /** Records rows the broker confirmed as sent (one more attempt each) and blanks their secrets. */
    public void markSent(List<Row> confirmed) throws SQLException {
        if (confirmed.isEmpty()) {
            return;
        }
        try (Connection db = dataSource.getConnection()) {
            markSent(db, confirmed, confirmed);
        }
    }

    /**
     * Publishes the rows in order and waits (at most {@code confirmTimeoutMillis}) for the broker's confirms;
     * returns the rows it confirmed. No database work: the relay calls it outside any transaction too.
     */
    static List<Row> send(Session session, MessageProducer producer, List<Row> rows, long confirmTimeoutMillis)
            throws JMSException, InterruptedException {
        Map<Row, CompletableFuture<Boolean>> confirms = new LinkedHashMap<>();
        for (Row row : rows) {
            var confirm = new CompletableFuture<Boolean>();
            confirms.put(row, confirm);
            Message message = Envelopes.toMessage(session, row.message(), row.id().toString(), row.type(),
                    row.correlationId());
            Envelopes.addHeaders(message, row.headers());
            producer.send(destination(row.exchange(), row.routingKey()), message, new CompletionListener() {
                @Override
                public void onCompletion(Message sent) {
                    confirm.complete(true);
                }

                @Override
                public void onException(Message sent, Exception nack) {
                    confirm.complete(false);
                }
            });
        }
        try {
            CompletableFuture.allOf(confirms.values().toArray(CompletableFuture[]::new))
                    .get(confirmTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // some confirms did not come: only the confirmed rows count
        }
        List<Row> confirmed = new ArrayList<>();
        confirms.forEach((row, confirm) -> {
            if (confirm.getNow(false)) {
                confirmed.add(row);
            }
        });
        return confirmed;
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
                select id, exchange, routing_key, type, correlation_id, message, headers
                  from outbox
                 where sent_at is null and created_at <= now() - ? * interval '1 millisecond'
                 order by created_at
                 limit ?
                   for update skip locked""")) {
            select.setLong(1, graceMillis);
            select.setInt(2, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7)));
                }
            }
            return rows;
        }
    }

    /**
     * One statement: every attempted row counts an attempt, and the confirmed ones are sent (a row another path
     * marked meanwhile keeps its first time); then the confirmed rows' secrets are blanked.
     */
    private static void markSent(Connection db, List<Row> confirmed, List<Row> attempted) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("""
                update outbox
                   set attempts = attempts + 1,
                       sent_at = case when id = any(?) then coalesce(sent_at, now()) else sent_at end
                 where id = any(?)""")) {
            update.setArray(1, db.createArrayOf("uuid", confirmed.stream().map(Row::id).toArray()));
            update.setArray(2, db.createArrayOf("uuid", attempted.stream().map(Row::id).toArray()));
            update.executeUpdate();
        }
        blankSecrets(db, confirmed.stream().filter(row -> Secrets.carries(row.type())).toList());
    }

    /** The sent messages' secrets are blanked: the broker has them now, and only the broker needs them. */
    private static void blankSecrets(Connection db, List<Row> sent) throws SQLException {
        if (sent.isEmpty()) {
            return;
        }
        try (PreparedStatement update = db.prepareStatement("""
                update outbox set message = blanked.message
                  from unnest(?, ?) as blanked(id, message)
                 where outbox.id = blanked.id""")) {
            update.setArray(1, db.createArrayOf("uuid", sent.stream().map(Row::id).toArray()));
            update.setArray(2, db.createArrayOf("text",
                    sent.stream().map(row -> Secrets.redact(row.message(), row.type())).toArray()));
            update.executeUpdate();
        }
    }

    private static RMQDestination destination(String exchange, String routingKey) {
        String onto = exchange == null ? Topology.EXCHANGE : exchange;
        return DESTINATIONS.computeIfAbsent(onto + " " + routingKey,
                key -> new RMQDestination(onto + "/" + routingKey, onto, routingKey, null));
    }
}
