package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A service's consumer of one queue, as a CDI bean (or one {@link Consumers#add added} while running). {@link #handle}
 * runs inside the JTA transaction that also records the message in the inbox, and is never called twice for the same
 * message id. Throw to roll back: the message is redelivered, and dead-lettered after the queue's delivery limit.
 */
public interface MessageHandler {

    QueueSpec queue();

    void handle(Envelope message) throws Exception;

    /**
     * The message as an envelope: the services' own wire form by default. A queue that carries someone else's format
     * (a partner's bare messages) overrides this; what it cannot read should still become an envelope that
     * {@link #handle} refuses with a reason, since a message that fails here is only redelivered until its limit.
     */
    default Envelope read(Message message) throws JMSException {
        return Envelopes.fromMessage(message);
    }

    /** The body of a JSON message as text, whether it arrived as a text or a bytes message. */
    static String body(Message message) throws JMSException {
        return Envelopes.text(message);
    }
}
