package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Topology.QueueSpec;

/**
 * A service's consumer of one queue, as a CDI bean. {@link #handle} runs inside the JTA transaction that also
 * records the message in the inbox, and is never called twice for the same message id. Throw to roll back: the
 * message is redelivered, and dead-lettered after the queue's delivery limit.
 */
public interface MessageHandler {

    QueueSpec queue();

    void handle(Envelope message) throws Exception;
}
