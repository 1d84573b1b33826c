package com.forno.pizzeria.contracts;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on the wire: a message's identity and tracing headers around its payload.
 *
 * @param id            unique per message; the consumer's inbox key, so a redelivery is recognised
 * @param type          the payload's type name, e.g. {@code ReserveStock}
 * @param correlationId what the message is about (the order id in the saga)
 * @param requestId     the {@code X-Request-Id} of the HTTP request that caused it, for tracing across services
 * @param occurredAt    when the sender decided to send it
 * @param payload       the message itself
 */
public record Envelope(UUID id, String type, String correlationId, String requestId, Instant occurredAt,
                       JsonObject payload) {

    public <T> T payloadAs(Class<T> type) {
        return Json.fromJson(payload.toString(), type);
    }
}
