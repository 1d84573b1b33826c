package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.MessageType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;

/**
 * Blanks the {@link com.forno.pizzeria.contracts.Secret} fields of a message (a card token) in its envelope's JSON:
 * what stays in the outbox after the broker took the message, and what an operator sees of a dead letter.
 */
final class Secrets {

    static final String REDACTED = "[redacted]";

    private Secrets() {
    }

    static boolean carries(String type) {
        return !secretsOf(type).isEmpty();
    }

    /** The envelope with its payload's secrets blanked; unchanged when the type has none (or is unknown). */
    static String redact(String envelopeJson, String type) {
        List<String> secrets = secretsOf(type);
        if (secrets.isEmpty()) {
            return envelopeJson;
        }
        JsonObject envelope = Json.createReader(new StringReader(envelopeJson)).readObject();
        JsonObject payload = envelope.getJsonObject("payload");
        if (payload == null) {
            return envelopeJson;
        }
        JsonObjectBuilder blanked = Json.createObjectBuilder(payload);
        secrets.stream().filter(payload::containsKey).forEach(secret -> blanked.add(secret, REDACTED));
        return Json.createObjectBuilder(envelope).add("payload", blanked).build().toString();
    }

    private static List<String> secretsOf(String type) {
        return type == null ? List.of() : MessageType.named(type).map(MessageType::secrets).orElse(List.of());
    }
}
