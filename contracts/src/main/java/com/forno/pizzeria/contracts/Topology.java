package com.forno.pizzeria.contracts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where messages travel. The topology is declared where the broker is provisioned (bin/pizzeria, Kubernetes) and,
 * for brokers whose users may configure (tests), by every service when it connects, so that a message is never
 * published before the queue that must hold it exists.
 * <p>
 * All messages go to one durable topic exchange with the routing key of their {@link MessageType}. A service's work
 * queue is a durable quorum queue with a delivery limit: a message that failed {@link #DELIVERY_LIMIT} times moves to
 * the queue's own dead-letter queue ({@code <queue>.dlq}) through the dead-letter exchange, and the queue keeps
 * flowing. Every queue is bounded, so that a backlog cannot grow into a broker memory or disk alarm (which blocks
 * every publisher): a full work queue or dead-letter queue refuses new messages (their outbox keeps them and tries
 * again) and never drops one. Dead letters go back into their queue through {@link #REPLAY_EXCHANGE}, by the queue's
 * name, so that a service's broker user can be allowed to replay into its own queues and nowhere else.
 */
public final class Topology {

    public static final String EXCHANGE = "pizzeria.messages";
    public static final String DEAD_LETTER_EXCHANGE = "pizzeria.dead-letters";
    public static final String REPLAY_EXCHANGE = "pizzeria.replay";
    public static final int DELIVERY_LIMIT = 5;
    /** A day of a busy pizzeria's saga messages many times over, far below what fills a broker's memory or disk. */
    public static final int WORK_QUEUE_MAX_LENGTH = 100_000;
    public static final int DEAD_LETTER_QUEUE_MAX_LENGTH = 100_000;

    /** What a queue is for, which decides what happens to a message that cannot stay. */
    public enum Kind {
        /** Consumed by a service: never drops a message; dead-letters it after the delivery limit. */
        WORK,
        /** Kept for whoever looks (integrations, an operator), consumed by nobody: the latest messages, the oldest dropped for good. */
        BUFFER
    }

    /** A queue, the routing-key patterns bound to it, how many deliveries a message gets, and how many it keeps. */
    public record QueueSpec(String name, List<String> bindings, int deliveryLimit, Kind kind, int maxLength) {

        public QueueSpec(String name, String... bindings) {
            this(name, List.of(bindings), DELIVERY_LIMIT);
        }

        /** A work queue. */
        public QueueSpec(String name, List<String> bindings, int deliveryLimit) {
            this(name, bindings, deliveryLimit, Kind.WORK, WORK_QUEUE_MAX_LENGTH);
        }

        /** A buffer of the latest {@code maxLength} messages. */
        public static QueueSpec buffer(String name, List<String> bindings, int maxLength) {
            return new QueueSpec(name, bindings, DELIVERY_LIMIT, Kind.BUFFER, maxLength);
        }

        public boolean deadLettered() {
            return kind == Kind.WORK;
        }

        public String deadLetterQueue() {
            return name + ".dlq";
        }

        /** Arguments of the main queue; identical in every service, or RabbitMQ refuses the second declaration. */
        public Map<String, Object> arguments() {
            Map<String, Object> arguments = new HashMap<>(Map.of(
                    "x-queue-type", "quorum",
                    "x-max-length", maxLength));
            if (kind == Kind.BUFFER) {
                // the oldest make room, so publishers are never refused; nobody wants them afterwards (no DLX)
                arguments.put("x-overflow", "drop-head");
            } else {
                arguments.put("x-delivery-limit", deliveryLimit);
                arguments.put("x-dead-letter-exchange", DEAD_LETTER_EXCHANGE);
                arguments.put("x-dead-letter-routing-key", name);
                // at-least-once dead-lettering: a dead letter is never dropped on the way to its queue
                arguments.put("x-dead-letter-strategy", "at-least-once");
                arguments.put("x-overflow", "reject-publish");
            }
            return Map.copyOf(arguments);
        }

        /** A full dead-letter queue refuses more: the letter stays in its work queue (at-least-once), never lost. */
        public Map<String, Object> deadLetterArguments() {
            return Map.of("x-queue-type", "quorum",
                    "x-max-length", DEAD_LETTER_QUEUE_MAX_LENGTH,
                    "x-overflow", "reject-publish");
        }
    }

    /** OrderConfirmed's routing key (MessageType's, which cannot be read here while the classes initialise). */
    private static final String ORDER_CONFIRMED = "orders.event.confirmed";

    /**
     * Commands for stock: reserve, commit, release; and OrderConfirmed, which commits the order's reservation. The
     * confirmation is one message bound to the three queues that act on it (stock commits, payments captures, the
     * read side records it) rather than a command for each: a published message, an outbox row and its relay work
     * fewer per order for each command it replaces.
     */
    public static final QueueSpec STOCK_COMMANDS = new QueueSpec("stock.commands", "stock.command.#",
            ORDER_CONFIRMED);
    /** Commands for payments: authorise, capture, void; and OrderConfirmed, which captures the order's payment. */
    public static final QueueSpec PAYMENTS_COMMANDS = new QueueSpec("payments.commands", "payments.command.#",
            ORDER_CONFIRMED);
    /** The saga's inbound replies: from stock and from payments. */
    public static final QueueSpec ORDERS_REPLIES = new QueueSpec("orders.replies", "stock.reply.#", "payments.reply.#");
    /** Order events for orders' own read side (reports), which projects them apart from the saga. */
    public static final QueueSpec ORDERS_REPORTING = new QueueSpec("orders.reporting", "orders.event.#");
    /**
     * Order and stock events, for integrations and for an operator to look at: the latest 10,000, kept whether or
     * not anyone reads them (the platform itself consumes none; an integration binds a queue of its own).
     */
    public static final QueueSpec EVENTS = QueueSpec.buffer("events", List.of("orders.event.#", "stock.event.#"),
            10_000);

    public static final List<QueueSpec> QUEUES =
            List.of(STOCK_COMMANDS, PAYMENTS_COMMANDS, ORDERS_REPLIES, ORDERS_REPORTING, EVENTS);

    private Topology() {
    }
}
