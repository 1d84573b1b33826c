package com.forno.pizzeria.orders.saga.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.orders.saga.control.SagaStep;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stock's and payments' answers, each applied once (inbox) in the transaction {@code Deliveries} begins for it, with
 * the saga's next step: the replies {@link SagaStep} declares go to {@link Saga#on}.
 */
@ApplicationScoped
public class SagaReplies implements MessageHandler {

    @Inject
    Saga saga;

    @Override
    public QueueSpec queue() {
        return Topology.ORDERS_REPLIES;
    }

    @Override
    public void handle(Envelope message) {
        MessageType type = MessageType.named(message.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown message type " + message.type()));
        if (!SagaStep.replies().contains(type.payloadType())) {
            throw new IllegalArgumentException(message.type() + " does not belong on " + queue().name());
        }
        saga.on(message.payloadAs(type.payloadType()));
    }
}
