package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.stock.CommitReservation;
import com.forno.pizzeria.contracts.stock.ReleaseReservation;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import com.forno.pizzeria.stock.reservations.control.Reservations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The saga's commands to stock, from {@code stock.commands}. Runs in the platform's transaction that also records
 * the message in the inbox (a redelivery has no second effect); an exception rolls everything back and the message
 * is redelivered, then dead-lettered after the queue's delivery limit, so a message this service cannot understand
 * (unknown type, no order id) ends where an operator sees it instead of vanishing.
 */
@ApplicationScoped
public class StockCommands implements MessageHandler {

    @Inject
    Reservations reservations;

    @Override
    public QueueSpec queue() {
        return Topology.STOCK_COMMANDS;
    }

    @Override
    public void handle(Envelope message) {
        MessageType type = MessageType.named(message.type())
                .orElseThrow(() -> new IllegalArgumentException("not a stock command: " + message.type()));
        switch (type) {
            case RESERVE_STOCK -> reservations.reserve(message.payloadAs(ReserveStock.class));
            case COMMIT_RESERVATION -> reservations.commit(message.payloadAs(CommitReservation.class));
            // the order's confirmation, bound to this queue: what is held is sold
            case ORDER_CONFIRMED -> reservations.commit(
                    new CommitReservation(message.payloadAs(OrderConfirmed.class).orderId()));
            case RELEASE_RESERVATION -> reservations.release(message.payloadAs(ReleaseReservation.class));
            default -> throw new IllegalArgumentException("not a stock command: " + message.type());
        }
    }
}
