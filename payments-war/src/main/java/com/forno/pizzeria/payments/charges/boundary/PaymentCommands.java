package com.forno.pizzeria.payments.charges.boundary;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.payments.charges.control.Charges;
import com.forno.pizzeria.payments.charges.control.InvalidCommand;
import com.forno.pizzeria.platform.messaging.MessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The saga's commands to payments ({@code payments.commands}): parse, hand to {@link Charges}, and let any failure
 * through, so the message is rolled back, redelivered and finally dead-lettered (never acknowledged unapplied).
 */
@ApplicationScoped
public class PaymentCommands implements MessageHandler {

    @Inject
    Charges charges;

    @Override
    public QueueSpec queue() {
        return Topology.PAYMENTS_COMMANDS;
    }

    @Override
    public void handle(Envelope message) {
        MessageType type = MessageType.named(message.type()).orElseThrow(() -> unexpected(message));
        switch (type) {
            case AUTHORIZE_PAYMENT -> charges.authorize(message.payloadAs(AuthorizePayment.class));
            case CAPTURE_PAYMENT -> charges.capture(message.payloadAs(CapturePayment.class));
            // the order's confirmation, bound to this queue: take the money
            case ORDER_CONFIRMED -> charges.capture(message.payloadAs(OrderConfirmed.class));
            case VOID_PAYMENT -> charges.cancel(message.payloadAs(VoidPayment.class));
            default -> throw unexpected(message);
        }
    }

    private static InvalidCommand unexpected(Envelope message) {
        return new InvalidCommand(Topology.PAYMENTS_COMMANDS.name() + " does not take " + message.type()
                + " (message " + message.id() + ")");
    }
}
