package com.forno.pizzeria.orders.reporting.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.orders.reporting.control.Projection;
import com.forno.pizzeria.orders.reporting.control.ReportMetrics;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the read side up to date: each order event from {@code orders.reporting}, applied in the transaction that
 * records it in the inbox. An event that cannot be applied goes to the dead letters after the delivery limit, and the
 * projection goes on with the next.
 */
@ApplicationScoped
public class OrderEventsProjector implements MessageHandler {

    static final Set<MessageType> ORDER_EVENTS = EnumSet.of(MessageType.ORDER_CREATED, MessageType.ORDER_CONFIRMED,
            MessageType.ORDER_REJECTED, MessageType.ORDER_CANCELLED, MessageType.ORDER_STATUS_CHANGED);

    @Inject
    Projection projection;

    @Inject
    ReportMetrics metrics;

    @Override
    public QueueSpec queue() {
        return Topology.ORDERS_REPORTING;
    }

    @Override
    public void handle(Envelope message) throws Exception {
        MessageType type = MessageType.named(message.type()).filter(ORDER_EVENTS::contains)
                .orElseThrow(() -> new IllegalArgumentException(message.type() + " is not an order event"));
        Record event = message.payloadAs(type.payloadType());
        UUID orderId = UUID.fromString(message.payload().getString("orderId"));
        projection.apply(orderId, List.of(event));
        metrics.applied(message.occurredAt());
    }
}
