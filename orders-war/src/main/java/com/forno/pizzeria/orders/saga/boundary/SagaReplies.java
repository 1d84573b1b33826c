package com.forno.pizzeria.orders.saga.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.stock.ReservationLost;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stock's and payments' answers, each applied once (inbox) in its own transaction with the saga's next step. */
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
        switch (type) {
            case STOCK_RESERVED -> saga.on(message.payloadAs(StockReserved.class));
            case STOCK_REJECTED -> saga.on(message.payloadAs(StockRejected.class));
            case RESERVATION_LOST -> saga.on(message.payloadAs(ReservationLost.class));
            case PAYMENT_AUTHORIZED -> saga.on(message.payloadAs(PaymentAuthorized.class));
            case PAYMENT_DECLINED -> saga.on(message.payloadAs(PaymentDeclined.class));
            default -> throw new IllegalArgumentException(message.type() + " does not belong on " + queue().name());
        }
    }
}
