package com.forno.pizzeria.platform.it;

import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.platform.it.ProbeHandler.Behaviour;
import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.Outbox;
import com.forno.pizzeria.platform.persistence.Database;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** What the tests do to the platform (send probe messages) and read back from it (effects, outbox, consumer counts). */
@ApplicationScoped
public class Probes {

    /** The outbox's record of a message: how many times the relay tried it, and whether the broker confirmed it. */
    public record OutboxRow(long attempts, boolean sent) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Broker broker;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** Waits until the platform is connected to the throwaway broker (it may be restarting after another test). */
    public void awaitBroker() {
        await("connected to the throwaway broker").atMost(Duration.ofSeconds(60)).until(broker::connected);
    }

    /** Writes one message per behaviour to the outbox, for {@code probe}'s queue, in one committed transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> send(ProbeHandler probe, Behaviour... behaviours) {
        return Arrays.stream(behaviours)
                .map(behaviour -> outbox.send(probe.routingKey(), ProbeHandler.TYPE, "it", payload(behaviour)))
                .toList();
    }

    /**
     * Writes one message of a contract type that carries a secret (AuthorizePayment's card token) to the outbox, for
     * {@code probe}'s queue; the probe handler reads only its behaviour. Returns its id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID sendWithCardToken(ProbeHandler probe, Behaviour behaviour, String cardToken) {
        JsonObject payload = jakarta.json.Json.createObjectBuilder(payload(behaviour)).add("cardToken", cardToken).build();
        return outbox.send(probe.routingKey(), "AuthorizePayment", "it", payload);
    }

    /** The envelope as the outbox keeps it, or null when it has no such row. */
    public String outboxMessage(UUID messageId) {
        String[] message = new String[1];
        query("select message from outbox where id = any(?)", List.of(messageId), result -> message[0] = result.getString(1));
        return message[0];
    }

    /**
     * A step as a service takes one: its own write through the EntityManager, some work while the transaction holds
     * its connection, then a message to the outbox, all committed together. Returns the message's id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public UUID writeThenSend(ProbeHandler probe, Duration work) throws InterruptedException {
        em.createNativeQuery("insert into probe_effect (message_id, queue) values (?, 'a step')")
                .setParameter(1, UUID.randomUUID())
                .executeUpdate();
        Thread.sleep(work.toMillis());
        return outbox.send(probe.routingKey(), ProbeHandler.TYPE, "it", payload(Behaviour.APPLY));
    }

    /**
     * Publishes the very same envelope twice, straight to the broker (as a relay does when a confirm is lost after
     * the broker took the message); returns the envelope's id.
     */
    public UUID publishTwice(ProbeHandler probe, Behaviour behaviour) throws JMSException {
        var envelope = envelope(behaviour);
        String json = Json.toJson(envelope);
        try (Session session = broker.publishing().createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(
                     new RMQDestination(probe.routingKey(), Topology.EXCHANGE, probe.routingKey(), null))) {
            producer.send(session.createTextMessage(json));
            producer.send(session.createTextMessage(json));
        }
        return envelope.id();
    }

    /**
     * Writes a message to the outbox the way an instance that crashed right after its commit leaves one: committed,
     * with no relay woken for it. Returns the message's id.
     */
    public UUID orphan(ProbeHandler probe, Behaviour behaviour) {
        var envelope = envelope(behaviour);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into outbox (id, routing_key, type, correlation_id, message) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, probe.routingKey());
            insert.setString(3, ProbeHandler.TYPE);
            insert.setString(4, "it");
            insert.setString(5, Json.toJson(envelope));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return envelope.id();
    }

    /** The outbox's row for this message, or null when it has none. */
    public OutboxRow outboxRow(UUID messageId) {
        OutboxRow[] row = new OutboxRow[1];
        query("select attempts, sent_at is not null from outbox where id = any(?)", List.of(messageId),
                result -> row[0] = new OutboxRow(result.getLong(1), result.getBoolean(2)));
        return row[0];
    }

    /** How long after its row was written a message was recorded as sent (empty while unsent). */
    public Optional<Duration> sentAfterWritten(UUID messageId) {
        Duration[] after = new Duration[1];
        query("""
                select floor(extract(epoch from sent_at - created_at) * 1000)::bigint
                  from outbox where id = any(?) and sent_at is not null""",
                List.of(messageId), result -> after[0] = Duration.ofMillis(result.getLong(1)));
        return Optional.ofNullable(after[0]);
    }

    /** How many effects each message had (0 for none). */
    public Map<UUID, Long> effects(Collection<UUID> messageIds) {
        Map<UUID, Long> effects = new HashMap<>();
        messageIds.forEach(id -> effects.put(id, 0L));
        query("select message_id, count(*) from probe_effect where message_id = any(?) group by message_id",
                messageIds, result -> effects.put(result.getObject(1, UUID.class), result.getLong(2)));
        return effects;
    }

    public long effects(UUID messageId) {
        return effects(List.of(messageId)).get(messageId);
    }

    /** Whether the inbox records this message as applied. */
    public boolean inboxed(UUID messageId) {
        boolean[] inboxed = new boolean[1];
        query("select 1 from inbox where message_id = any(?)", List.of(messageId), result -> inboxed[0] = true);
        return inboxed[0];
    }

    /** How many of these messages are still in the outbox, not confirmed by the broker. */
    public long unsent(Collection<UUID> messageIds) {
        long[] unsent = new long[1];
        query("select count(*) from outbox where id = any(?) and sent_at is null", messageIds,
                result -> unsent[0] = result.getLong(1));
        return unsent[0];
    }

    /** The consumer's own count of messages on {@code probe}'s queue: {@code applied}, {@code duplicates}, {@code failed}. */
    public long consumed(ProbeHandler probe, String outcome) {
        return metrics.counter("messages." + outcome, new Tag("queue", probe.queue().name())).getCount();
    }

    private static Envelope envelope(Behaviour behaviour) {
        return new Envelope(UUID.randomUUID(), ProbeHandler.TYPE, "it", null, Instant.now(), payload(behaviour));
    }

    private static JsonObject payload(Behaviour behaviour) {
        return jakarta.json.Json.createObjectBuilder().add("behaviour", behaviour.name()).build();
    }

    private interface Row {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, Collection<UUID> ids, Row row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    row.read(result);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
