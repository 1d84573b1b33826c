package com.forno.pizzeria.stock;

import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The saga as stock sees it, on the test vhost: publishes commands to the exchange exactly as orders' outbox relay
 * does (JSON envelopes with the contract's routing key) and collects what stock answers on {@code orders.replies}
 * and announces on {@code events}. Nothing else consumes those queues on the test vhost. One instance for the
 * whole run; both queues are purged when it starts, so old messages cannot be mistaken for new ones (and tests only
 * look at messages about their own orders, skus and products anyway).
 */
final class Bus {

    private static Bus instance;

    private final Connection connection;
    private final Channel publisher;
    private final Map<String, List<Envelope>> replies = new ConcurrentHashMap<>();
    private final List<Envelope> events = new CopyOnWriteArrayList<>();

    static synchronized Bus get() throws Exception {
        if (instance == null) {
            instance = new Bus();
        }
        return instance;
    }

    private Bus() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("it.amqp.uri"));
        connection = factory.newConnection("stock-it");
        publisher = connection.createChannel();
        // the WAR declares the topology when it connects: wait for it rather than declare it differently here
        await("the WAR declared its queues").atMost(Duration.ofSeconds(60)).until(this::queuesExist);
        consume(Topology.ORDERS_REPLIES.name(), envelope ->
                replies.computeIfAbsent(envelope.correlationId(), id -> new CopyOnWriteArrayList<>()).add(envelope));
        consume(Topology.EVENTS.name(), events::add);
    }

    private boolean queuesExist() {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(Topology.ORDERS_REPLIES.name());
            probe.queueDeclarePassive(Topology.EVENTS.name());
            return true;
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private void consume(String queue, java.util.function.Consumer<Envelope> sink) throws IOException {
        Channel channel = connection.createChannel();
        channel.queuePurge(queue);
        DeliverCallback deliver = (tag, delivery) -> {
            sink.accept(Json.fromJson(new String(delivery.getBody(), StandardCharsets.UTF_8), Envelope.class));
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        };
        channel.basicConsume(queue, false, deliver, tag -> { });
    }

    /** Publishes a command about {@code orderId}, as a new message (a new id); returns the envelope's id. */
    UUID send(Record command, UUID orderId) throws IOException {
        return send(command, orderId, UUID.randomUUID());
    }

    /** Publishes a command with this message id: the same id twice is a redelivery, as the broker would make. */
    synchronized UUID send(Record command, UUID orderId, UUID messageId) throws IOException {
        MessageType type = MessageType.of(command.getClass());
        Envelope envelope = new Envelope(messageId, type.typeName(), orderId.toString(), "it-" + orderId,
                Instant.now(), Json.toJsonObject(command));
        publisher.basicPublish(Topology.EXCHANGE, type.routingKey(), new AMQP.BasicProperties.Builder()
                .contentType("application/json").messageId(envelope.id().toString()).type(type.typeName())
                .deliveryMode(2).build(), Json.toJson(envelope).getBytes(StandardCharsets.UTF_8));
        return envelope.id();
    }

    /** Every reply about this order so far, in arrival order. */
    List<Envelope> replies(UUID orderId) {
        return List.copyOf(replies.getOrDefault(orderId.toString(), List.of()));
    }

    /** Waits for the first reply about this order and returns it as the contract record it is. */
    Object awaitReply(UUID orderId) {
        Envelope reply = await("a reply about order " + orderId).atMost(Duration.ofSeconds(30))
                .until(() -> replies(orderId), list -> !list.isEmpty()).get(0);
        return payload(reply);
    }

    /** The events published so far whose correlation id is {@code subject} (a sku or a product id). */
    <T> List<T> events(Class<T> type, String subject) {
        return events.stream()
                .filter(e -> Objects.equals(e.correlationId(), subject) && e.type().equals(type.getSimpleName()))
                .map(e -> e.payloadAs(type))
                .toList();
    }

    static Object payload(Envelope envelope) {
        MessageType type = MessageType.named(envelope.type()).orElseThrow();
        return envelope.payloadAs(type.payloadType());
    }
}
