package com.forno.pizzeria.payments;

import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test's side of RabbitMQ, standing in for the orders saga: publishes commands to {@code pizzeria.messages} on
 * the test vhost exactly as the outbox relay would (JSON envelopes with their routing keys), and collects every
 * reply of {@code orders.replies}, by order id.
 */
final class Bus implements AutoCloseable {

    static final Duration REPLY_WITHIN = Duration.ofSeconds(30);

    private final Connection connection;
    private final Channel publisher;
    private final Map<String, List<Envelope>> replies = new ConcurrentHashMap<>();

    private Bus(Connection connection) throws Exception {
        this.connection = connection;
        this.publisher = connection.createChannel();
        publisher.confirmSelect();
        Channel listener = connection.createChannel();
        var queue = Topology.ORDERS_REPLIES;
        // the service declared it already; the same arguments make this a no-op
        listener.queueDeclare(queue.name(), true, false, false, queue.arguments());
        listener.basicConsume(queue.name(), true, (tag, delivery) -> {
            Envelope reply = Json.fromJson(new String(delivery.getBody(), StandardCharsets.UTF_8), Envelope.class);
            replies.computeIfAbsent(reply.correlationId(), id -> new CopyOnWriteArrayList<>()).add(reply);
        }, tag -> { });
    }

    static Bus connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getenv("PIZZERIA_AMQP_URI"));
        return new Bus(factory.newConnection("payments-it"));
    }

    /** A new envelope around {@code payload}, about its order, as the saga's outbox writes it. */
    static Envelope envelope(Record payload) {
        MessageType type = MessageType.of(payload.getClass());
        var json = Json.toJsonObject(payload);
        return new Envelope(UUID.randomUUID(), type.typeName(), json.getString("orderId"), "it-" + UUID.randomUUID(),
                Instant.now(), json);
    }

    /** Publishes a new envelope around {@code payload}; returns it (its id is the inbox key). */
    Envelope send(Record payload) throws Exception {
        Envelope envelope = envelope(payload);
        publish(envelope);
        return envelope;
    }

    /** Publishes {@code envelope} as it is: publishing the same one twice is a duplicate delivery. */
    void publish(Envelope envelope) throws Exception {
        var properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json").contentEncoding("UTF-8")
                .deliveryMode(2)
                .messageId(envelope.id().toString())
                .type(envelope.type())
                .correlationId(envelope.correlationId())
                .build();
        publisher.basicPublish(Topology.EXCHANGE, MessageType.named(envelope.type()).orElseThrow().routingKey(),
                true, properties, Json.toJson(envelope).getBytes(StandardCharsets.UTF_8));
        publisher.waitForConfirmsOrDie(10_000);
    }

    /** Sends AuthorizePayment for {@code order} and waits for the (first) answer. */
    Envelope authorize(UUID order, UUID customer, long amountCents, String cardToken) throws Exception {
        send(new AuthorizePayment(order, customer, amountCents, "BRL", cardToken));
        return firstReply(order);
    }

    Envelope firstReply(UUID order) {
        return await("a reply about order " + order).atMost(REPLY_WITHIN)
                .until(() -> replies(order), list -> !list.isEmpty()).get(0);
    }

    /** Every reply about {@code order} so far. */
    List<Envelope> replies(UUID order) {
        return List.copyOf(replies.getOrDefault(order.toString(), List.of()));
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
