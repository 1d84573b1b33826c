package com.forno.pizzeria.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.rabbitmq.jms.client.message.RMQBytesMessage;
import com.rabbitmq.jms.client.message.RMQTextMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The wire form of an envelope: JSON text in the body, its identity repeated as message properties. */
class EnvelopesTest {

    static final Envelope ENVELOPE = new Envelope(UUID.randomUUID(), "ReserveStock", "order-1", "req-1",
            Instant.parse("2026-12-01T19:00:00Z"),
            jakarta.json.Json.createObjectBuilder().add("orderId", "order-1").add("note", "calabresa à moda").build());

    /** A session that only makes text messages, as the relay and the replay use it. */
    static final Session SESSION = (Session) Proxy.newProxyInstance(EnvelopesTest.class.getClassLoader(),
            new Class<?>[] {Session.class}, (proxy, method, args) -> {
                if (method.getName().equals("createTextMessage") && args != null && args.length == 1) {
                    RMQTextMessage message = new RMQTextMessage();
                    message.setText((String) args[0]);
                    return message;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anEnvelopeTravelsAsItsJsonTextWithItsIdTypeAndCorrelationAsProperties() throws JMSException {
        String json = Json.toJson(ENVELOPE);

        TextMessage message = Envelopes.toMessage(SESSION, json, ENVELOPE.id().toString(), "ReserveStock", "order-1");

        assertThat(message.getText()).isEqualTo(json);
        assertThat(message.getStringProperty(Broker.MESSAGE_ID)).isEqualTo(ENVELOPE.id().toString());
        assertThat(message.getStringProperty(Broker.MESSAGE_TYPE)).isEqualTo("ReserveStock");
        assertThat(message.getJMSCorrelationID()).isEqualTo("order-1");
        assertThat(Envelopes.fromMessage(message)).isEqualTo(ENVELOPE);
    }

    @Test
    void aMessageWithoutCorrelationHasNone() throws JMSException {
        TextMessage message = Envelopes.toMessage(SESSION, Json.toJson(ENVELOPE), ENVELOPE.id().toString(),
                "ReserveStock", null);

        assertThat(message.getJMSCorrelationID()).isNull();
    }

    @Test
    void anEnvelopeArrivingAsBytesIsReadAsUtf8Json() throws JMSException {
        RMQBytesMessage bytes = new RMQBytesMessage();
        bytes.writeBytes(Json.toJson(ENVELOPE).getBytes(StandardCharsets.UTF_8));
        bytes.reset();

        assertThat(Envelopes.fromMessage(bytes)).isEqualTo(ENVELOPE);
    }

    @Test
    void aMessageThatIsNeitherTextNorBytesIsRefused() {
        Message other = (Message) Proxy.newProxyInstance(EnvelopesTest.class.getClassLoader(),
                new Class<?>[] {Message.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> Envelopes.text(other)).isInstanceOf(JMSException.class)
                .hasMessageContaining("not a JSON message");
    }

    @Test
    void anEnvelopeWithoutIdTypeOrPayloadIsRefused() throws JMSException {
        for (String json : new String[] {
                "{\"type\":\"ReserveStock\",\"payload\":{}}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"payload\":{}}",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"ReserveStock\"}"}) {
            RMQTextMessage message = new RMQTextMessage();
            message.setText(json);
            assertThatThrownBy(() -> Envelopes.fromMessage(message)).as(json).isInstanceOf(JMSException.class);
        }
    }

    @Test
    void anOutboxRowsHeadersBecomeStringProperties() throws JMSException {
        RMQTextMessage message = new RMQTextMessage();

        Envelopes.addHeaders(message, "{\"refused\":\"UNKNOWN_PRODUCT\",\"partner\":\"pizza-app\"}");

        assertThat(message.getStringProperty("refused")).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(message.getStringProperty("partner")).isEqualTo("pizza-app");
    }

    @Test
    void noHeadersAddNoProperties() throws JMSException {
        RMQTextMessage message = new RMQTextMessage();

        Envelopes.addHeaders(message, null);
        Envelopes.addHeaders(message, " ");

        assertThat(message.getPropertyNames().hasMoreElements()).isFalse();
    }
}
