package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.platform.persistence.Database;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sending a message = writing it here, in the caller's transaction: it is published if and only if the caller's
 * state change commits. After the commit the relay is woken, so the message usually leaves within milliseconds.
 */
@ApplicationScoped
public class Outbox {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into outbox (id, routing_key, type, correlation_id, message) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, routingKey);
            insert.setString(3, type);
            insert.setString(4, correlationId);
            insert.setString(5, Json.toJson(envelope));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing to the outbox failed", e);
        }
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
