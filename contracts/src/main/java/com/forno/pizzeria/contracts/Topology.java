package com.forno.pizzeria.contracts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where messages travel. Every service declares the whole topology when it connects, so a message is never
 * published before the queue that must hold it exists.
 * <p>
 * All messages go to one durable topic exchange with the routing key of their {@link MessageType}. Each queue is a
 * durable quorum queue with a delivery limit: a message that failed {@link #DELIVERY_LIMIT} times moves to the
 * queue's own dead-letter queue ({@code <queue>.dlq}) through the dead-letter exchange, and the queue keeps flowing.
 */
public final class Topology {

    public static final String EXCHANGE = "pizzeria.messages";
    public static final String DEAD_LETTER_EXCHANGE = "pizzeria.dead-letters";
    public static final int DELIVERY_LIMIT = 5;

    /**
     * A queue, the routing-key patterns bound to it, how many deliveries a message gets before it is dead, and, for
     * a buffer that nobody has to consume, how many messages it keeps (0: a work queue, unbounded).
     */
    public record QueueSpec(String name, List<String> bindings, int deliveryLimit, int maxLength) {

        public QueueSpec(String name, String... bindings) {
            this(name, List.of(bindings), DELIVERY_LIMIT, 0);
        }

        public QueueSpec(String name, List<String> bindings, int deliveryLimit) {
            this(name, bindings, deliveryLimit, 0);
        }

        public String deadLetterQueue() {
            return name + ".dlq";
        }

        /** Arguments of the main queue; identical in every service, or RabbitMQ refuses the second declaration. */
        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new HashMap<>(Map.of(
                    "x-queue-type", "quorum",
                    "x-delivery-limit", deliveryLimit,
                    "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE,
                    "x-dead-letter-routing-key", name));
            if (maxLength > 0) {
                // a buffer of the latest: the oldest make room, so publishers are never refused
                arguments.put("x-max-length", maxLength);
                arguments.put("x-overflow", "drop-head");
            } else {
                // at-least-once dead-lettering: a dead letter is never dropped on the way to its queue
                arguments.put("x-dead-letter-strategy", "at-least-once");
                arguments.put("x-overflow", "reject-publish");
            }
            return Map.copyOf(arguments);
        }

        public Map<String, Object> deadLetterArguments() {
            return Map.of("x-queue-type", "quorum");
        }
    }

    /** Commands for stock: reserve, commit, release. */
    public static final QueueSpec STOCK_COMMANDS = new QueueSpec("stock.commands", "stock.command.#");
    /** Commands for payments: authorise, capture, void. */
    public static final QueueSpec PAYMENTS_COMMANDS = new QueueSpec("payments.commands", "payments.command.#");
    /** The saga's inbound replies: from stock and from payments. */
    public static final QueueSpec ORDERS_REPLIES = new QueueSpec("orders.replies", "stock.reply.#", "payments.reply.#");
    /**
     * Order and stock events, for integrations and for an operator to look at: the latest 10,000, kept whether or
     * not anyone reads them (the platform itself consumes none; an integration binds a queue of its own).
     */
    public static final QueueSpec EVENTS = new QueueSpec("events", List.of("orders.event.#", "stock.event.#"),
            DELIVERY_LIMIT, 10_000);

    public static final List<QueueSpec> QUEUES =
            List.of(STOCK_COMMANDS, PAYMENTS_COMMANDS, ORDERS_REPLIES, EVENTS);

    private Topology() {
    }
}
