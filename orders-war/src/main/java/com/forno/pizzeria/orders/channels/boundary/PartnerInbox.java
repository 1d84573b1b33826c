package com.forno.pizzeria.orders.channels.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.orders.channels.control.PartnerOrders;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One partner's inbound queue ({@code integrations.NAME.orders}, bound only to the partner's own exchange): every
 * message on it is that partner's, whatever it says. Its bare JSON is wrapped as it came, unread, so that even a
 * message that is not JSON at all reaches {@link PartnerOrders} and is answered or dead-lettered with a reason rather
 * than redelivered until its limit. Its {@code message_id}, scoped to the partner, is the inbox key.
 */
public final class PartnerInbox implements MessageHandler {

    static final String BODY = "body";
    static final String DECLARED_TYPE = "type";

    private final String partner;
    private final PartnerOrders orders;

    public PartnerInbox(String partner, PartnerOrders orders) {
        this.partner = Partners.requireName(partner);
        this.orders = orders;
    }

    @Override
    public QueueSpec queue() {
        return Partners.orders(partner);
    }

    @Override
    public Envelope read(Message message) throws JMSException {
        String body;
        try {
            body = MessageHandler.body(message);
        } catch (JMSException | RuntimeException unreadable) {
            body = "";
        }
        String messageId = message.getJMSMessageID();
        UUID id = messageId == null || messageId.isBlank() ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes((partner + "\n" + messageId).getBytes(StandardCharsets.UTF_8));
        var payload = Json.JSONP.createObjectBuilder().add(BODY, body == null ? "" : body);
        String type = message.getJMSType();
        if (type != null) {
            payload.add(DECLARED_TYPE, type);
        }
        return new Envelope(id, "Partner" + (Partners.PLACE_ORDER.equals(type) || Partners.CANCEL_ORDER.equals(type)
                ? type : "Message"), message.getJMSCorrelationID(), null, Instant.now(), payload.build());
    }

    @Override
    public void handle(Envelope message) {
        orders.handle(partner, message.payload().getString(DECLARED_TYPE, null), message.correlationId(),
                message.payload().getString(BODY, ""));
    }
}
