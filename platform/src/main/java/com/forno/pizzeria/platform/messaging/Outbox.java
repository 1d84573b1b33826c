package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.platform.persistence.AfterCommit;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sending a message = writing it here, in the caller's transaction: it is published if and only if the caller's
 * state change commits. After the commit the relay is handed the rows as they were written and publishes them at once
 * (the database is not read again for them); the rows are its record until the broker confirmed them.
 * The row is written through the caller's EntityManager, on the connection its transaction already holds: a second
 * connection from the pool (non-XA connections are shared only through a free pool slot) deadlocked the pool
 * under load, every transaction holding one connection and waiting for another.
 */
@ApplicationScoped
public class Outbox {

    /** The transaction's resource key of the rows it wrote. */
    private static final Object WRITTEN = Outbox.class.getName() + ".written";

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    Clock clock = Clock.systemUTC();

    /** Sends a contract message about {@code correlationId} (the order id in the saga). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID send(Record payload, Object correlationId) {
        MessageType type = MessageType.of(payload.getClass());
        return send(type.routingKey(), type.typeName(), String.valueOf(correlationId), Json.toJsonObject(payload));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID send(String routingKey, String type, String correlationId, JsonObject payload) {
        var envelope = new Envelope(UUID.randomUUID(), type, correlationId, RequestIds.current().orElse(null),
                Instant.now(clock), payload);
        insert(envelope.id(), null, routingKey, type, correlationId, Json.toJson(envelope), null);
        return envelope.id();
    }

    /**
     * Sends {@code body} as it is, without the services' envelope, to another exchange than theirs: for those outside
     * (partners), whose contract is the bare message with its type, id and correlation id as AMQP properties.
     * {@code headers} go along as AMQP headers (e.g. why a message was refused).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID sendBare(String exchange, String routingKey, String type, String correlationId, String body,
                         Map<String, String> headers) {
        UUID id = UUID.randomUUID();
        String headersJson = null;
        if (headers != null && !headers.isEmpty()) {
            var object = Json.JSONP.createObjectBuilder();
            headers.forEach(object::add);
            headersJson = object.build().toString();
        }
        insert(id, exchange, routingKey, type, correlationId, body, headersJson);
        return id;
    }

    private void insert(UUID id, String exchange, String routingKey, String type, String correlationId, String message,
                        String headers) {
        em.createNativeQuery("insert into outbox (id, exchange, routing_key, type, correlation_id, message, headers)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, exchange)
                .setParameter(3, routingKey)
                .setParameter(4, type)
                .setParameter(5, correlationId)
                .setParameter(6, message)
                .setParameter(7, headers)
                .executeUpdate();
        written().add(new OutboxSweep.Row(id, exchange, routingKey, type, correlationId, message, headers));
    }

    /**
     * The rows this transaction wrote, in order; once it commits they go to the relay as they are, which publishes
     * them without reading them back (a rollback forgets them with the rows).
     */
    @SuppressWarnings("unchecked")
    private List<OutboxSweep.Row> written() {
        List<OutboxSweep.Row> rows = (List<OutboxSweep.Row>) transactions.getResource(WRITTEN);
        if (rows == null) {
            List<OutboxSweep.Row> fresh = new ArrayList<>();
            transactions.putResource(WRITTEN, fresh);
            AfterCommit.run(transactions, () -> relay.publish(fresh));
            rows = fresh;
        }
        return rows;
    }
}
