package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/** Envelopes to and from JMS messages: the JSON text is the body, the identity is repeated as properties. */
final class Envelopes {

    private Envelopes() {
    }

    static TextMessage toMessage(Session session, String envelopeJson, String messageId, String type,
                                 String correlationId) throws JMSException {
        TextMessage message = session.createTextMessage(envelopeJson);
        message.setStringProperty(Broker.MESSAGE_ID, messageId);
        message.setStringProperty(Broker.MESSAGE_TYPE, type);
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        return message;
    }

    /** Adds the headers of an outbox row (a JSON object of strings, or null) as string properties: AMQP headers. */
    static void addHeaders(Message message, String headersJson) throws JMSException {
        if (headersJson == null || headersJson.isBlank()) {
            return;
        }
        try (var reader = Json.JSONP.createReader(new java.io.StringReader(headersJson))) {
            for (var header : reader.readObject().entrySet()) {
                message.setStringProperty(header.getKey(), ((jakarta.json.JsonString) header.getValue()).getString());
            }
        }
    }

    /** The body of a message as text, whatever JMS type the client gave it. */
    static String text(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return new String(body, StandardCharsets.UTF_8);
        }
        throw new JMSException("not a JSON message: " + message.getClass().getName());
    }

    static Envelope fromMessage(Message message) throws JMSException {
        Envelope envelope = Json.fromJson(text(message), Envelope.class);
        if (envelope.id() == null || envelope.type() == null || envelope.payload() == null) {
            throw new JMSException("an envelope needs an id, a type and a payload");
        }
        return envelope;
    }
}
