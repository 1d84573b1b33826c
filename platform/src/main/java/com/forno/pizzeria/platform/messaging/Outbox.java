package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Sending a message = writing it here, in the caller's transaction: it is published if and only if the caller's
 * state change commits. After the commit the relay is woken, so the message usually leaves within milliseconds.
 * The row is written through the caller's EntityManager, on the connection its transaction already holds: a second
 * connection from the pool (non-XA connections are shared only through a free pool slot) deadlocked the pool
 * under load, every transaction holding one connection and waiting for another.
 */
@ApplicationScoped
public class Outbox {

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
        em.createNativeQuery(
                        "insert into outbox (id, routing_key, type, correlation_id, message) values (?, ?, ?, ?, ?)")
                .setParameter(1, envelope.id())
                .setParameter(2, routingKey)
                .setParameter(3, type)
                .setParameter(4, correlationId)
                .setParameter(5, Json.toJson(envelope))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return envelope.id();
    }
}
