package com.forno.pizzeria.orders;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.MessageType;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockRejected;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stock and payments as the orders saga meets them, played by the test: stock's menu over HTTP, and the two
 * services' command queues over RabbitMQ, answering by script. Every command and event the saga sends is recorded.
 * Started once per test JVM.
 */
final class Neighbours {

    record Product(UUID id, String name, long priceCents) {
    }

    private static Neighbours instance;

    final Map<UUID, Product> menu = new ConcurrentHashMap<>();
    /** Stock answers ReserveStock for these with StockRejected. */
    final Set<UUID> shortProducts = ConcurrentHashMap.newKeySet();
    /** Stock never answers for these. */
    final Set<UUID> silentProducts = ConcurrentHashMap.newKeySet();
    /** Stock holds these only for five seconds (less than the saga's safety margin). */
    final Set<UUID> briefHoldProducts = ConcurrentHashMap.newKeySet();
    volatile boolean menuDown;
    /** How many times orders asked for the menu. */
    final AtomicInteger menuReads = new AtomicInteger();

    /** Everything orders sent, by order id: commands to stock and payments, and its events. */
    private final Map<UUID, List<Envelope>> sent = new ConcurrentHashMap<>();
    /** per order: "queue type" of every message received, to tell which queues a message reached */
    private final Map<UUID, List<String>> arrivals = new ConcurrentHashMap<>();

    private final Channel replies;

    static synchronized Neighbours get() {
        if (instance == null) {
            try {
                instance = new Neighbours();
            } catch (Exception e) {
                throw new IllegalStateException("could not play stock and payments", e);
            }
        }
        return instance;
    }

    private Neighbours() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1",
                Integer.getInteger("it.fake.stock.port")), 128);
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.createContext("/stock/menu", exchange -> {
            menuReads.incrementAndGet();
            byte[] body = menuJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(menuDown ? 503 : 200, menuDown ? -1 : body.length);
            if (!menuDown) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.start();

        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("it.amqp.uri"));
        Connection connection = factory.newConnection("orders-it-neighbours");
        replies = connection.createChannel();
        Channel in = connection.createChannel();
        for (String queue : List.of(Topology.STOCK_COMMANDS.name(), Topology.PAYMENTS_COMMANDS.name(),
                Topology.EVENTS.name())) {
            in.basicConsume(queue, true, (tag, delivery) -> receive(queue,
                    Json.fromJson(new String(delivery.getBody(), StandardCharsets.UTF_8), Envelope.class)), tag -> { });
        }
    }

    Product product(String name, long priceCents) {
        Product product = new Product(UUID.randomUUID(), name, priceCents);
        menu.put(product.id(), product);
        return product;
    }

    List<String> sentTypes(String orderId) {
        return sent.getOrDefault(UUID.fromString(orderId), List.of()).stream().map(Envelope::type).toList();
    }

    List<Envelope> sent(String orderId, MessageType type) {
        return sent.getOrDefault(UUID.fromString(orderId), List.of()).stream()
                .filter(e -> e.type().equals(type.typeName())).toList();
    }

    /** The queues of stock, payments and the event buffer that a message of this type about the order reached. */
    List<String> queuesReached(String orderId, MessageType type) {
        return arrivals.getOrDefault(UUID.fromString(orderId), List.of()).stream()
                .filter(arrival -> arrival.endsWith(" " + type.typeName()))
                .map(arrival -> arrival.substring(0, arrival.indexOf(' '))).toList();
    }

    private synchronized void receive(String queue, Envelope message) throws IOException {
        UUID order = UUID.fromString(message.correlationId());
        arrivals.computeIfAbsent(order, id -> new CopyOnWriteArrayList<>()).add(queue + " " + message.type());
        sent.computeIfAbsent(order, id -> new CopyOnWriteArrayList<>()).add(message);
        MessageType type = MessageType.named(message.type()).orElseThrow();
        switch (type) {
            case RESERVE_STOCK -> answerReservation(message.payloadAs(ReserveStock.class));
            case AUTHORIZE_PAYMENT -> answerAuthorization(message.payloadAs(AuthorizePayment.class));
            default -> { } // commit, release, capture, void and events are only recorded
        }
    }

    private void answerReservation(ReserveStock command) throws IOException {
        List<UUID> products = command.lines().stream().map(ReserveStock.Line::productId).toList();
        if (products.stream().anyMatch(silentProducts::contains)) {
            return;
        }
        if (products.stream().anyMatch(shortProducts::contains)) {
            reply(command.orderId(), new StockRejected(command.orderId(), "OUT_OF_STOCK",
                    List.of(new StockRejected.Shortage("MOZZARELLA", 400, 150, "Mozzarella"))));
        } else {
            long holdSeconds = products.stream().anyMatch(briefHoldProducts::contains) ? 5 : 600;
            reply(command.orderId(), new StockReserved(command.orderId(), Instant.now().plusSeconds(holdSeconds)));
        }
    }

    private void answerAuthorization(AuthorizePayment command) throws IOException {
        switch (command.cardToken()) {
            case "tok_approved" -> reply(command.orderId(),
                    new PaymentAuthorized(command.orderId(), UUID.randomUUID(), command.amountCents()));
            case "tok_declined" -> reply(command.orderId(),
                    new PaymentDeclined(command.orderId(), UUID.randomUUID(), "DECLINED"));
            default -> { } // tok_silent: payments never answers
        }
    }

    private void reply(UUID order, Record payload) throws IOException {
        reply(order, payload, UUID.randomUUID());
    }

    /**
     * Publishes a reply from stock or payments with this message id, as they would (the same id twice is a
     * redelivery); returns the id.
     */
    synchronized UUID reply(UUID order, Record payload, UUID messageId) throws IOException {
        MessageType type = MessageType.of(payload.getClass());
        var envelope = new Envelope(messageId, type.typeName(), order.toString(), null, Instant.now(),
                Json.toJsonObject(payload));
        replies.basicPublish(Topology.EXCHANGE, type.routingKey(),
                new AMQP.BasicProperties.Builder().contentType("application/json").messageId(envelope.id().toString())
                        .deliveryMode(2).build(),
                Json.toJson(envelope).getBytes(StandardCharsets.UTF_8));
        return messageId;
    }

    /** Publishes an event of this type whose payload is whatever the test says, as a broken publisher would. */
    synchronized UUID publish(MessageType type, UUID order, jakarta.json.JsonObject payload) throws IOException {
        UUID messageId = UUID.randomUUID();
        var envelope = new Envelope(messageId, type.typeName(), order.toString(), null, Instant.now(), payload);
        replies.basicPublish(Topology.EXCHANGE, type.routingKey(),
                new AMQP.BasicProperties.Builder().contentType("application/json").messageId(messageId.toString())
                        .deliveryMode(2).build(),
                Json.toJson(envelope).getBytes(StandardCharsets.UTF_8));
        return messageId;
    }

    private String menuJson() {
        var items = jakarta.json.Json.createArrayBuilder();
        menu.values().forEach(p -> items.add(jakarta.json.Json.createObjectBuilder()
                .add("productId", p.id().toString()).add("name", p.name()).add("description", "")
                .add("category", "PIZZA").add("priceCents", p.priceCents()).add("available", 10).add("soldOut", false)));
        return items.build().toString();
    }
}
