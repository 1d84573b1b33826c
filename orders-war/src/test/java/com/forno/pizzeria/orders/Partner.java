package com.forno.pizzeria.orders;

import com.forno.pizzeria.contracts.integrations.Partners;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;

/**
 * A partner as the tests play it, over plain AMQP (the way a non-JMS partner talks): listed in orders' table
 * {@code partners} as {@code bin/pizzeria partner add} does, it publishes on its exchange and reads its replies queue.
 */
final class Partner {

    /** A reply as the partner receives it: AMQP properties and the JSON body. */
    record Reply(String type, String messageId, String correlationId, JsonObject body) {
    }

    /** A dead letter of the partner's inbound queue, with why. */
    record DeadLetter(String body, Map<String, Object> headers) {
    }

    final String name;
    final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final Connection connection;
    private final Channel channel;

    private Partner(String name) throws Exception {
        this.name = name;
        try (var db = DriverManager.getConnection(System.getProperty("it.jdbc.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
             PreparedStatement insert = db.prepareStatement("insert into orders.partners (name) values (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(System.getProperty("it.amqp.uri"));
        connection = factory.newConnection("orders-it-partner-" + name);
        channel = connection.createChannel();
        // orders declares the partner's resources (the test broker lets it) and consumes its queue within seconds
        Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> consumers(Partners.orders(name).name()) > 0);
        Channel in = connection.createChannel();
        in.basicConsume(Partners.replies(name).name(), true, (tag, delivery) -> {
            var properties = delivery.getProperties();
            try (var reader = Json.createReader(new StringReader(new String(delivery.getBody(), StandardCharsets.UTF_8)))) {
                replies.add(new Reply(properties.getType(), properties.getMessageId(), properties.getCorrelationId(),
                        reader.readObject()));
            }
        }, tag -> { });
    }

    static Partner create() {
        try {
            return new Partner("it-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
        } catch (Exception e) {
            throw new IllegalStateException("could not play a partner", e);
        }
    }

    /** Publishes on the partner's own exchange, as a partner does. */
    synchronized void send(String type, String messageId, String correlationId, String body) {
        var properties = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .type(type).messageId(messageId).correlationId(correlationId).build();
        try {
            channel.basicPublish(Partners.inbound(name), "", properties, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String type, String correlationId, String body) {
        send(type, UUID.randomUUID().toString(), correlationId, body);
    }

    List<Reply> repliesAbout(String partnerOrderId) {
        return replies.stream().filter(reply -> partnerOrderId.equals(reply.correlationId())).toList();
    }

    /** Takes the next dead letter of the partner's inbound queue, or null. */
    DeadLetter deadLetter() throws IOException {
        var got = channel.basicGet(Partners.orders(name).deadLetterQueue(), true);
        return got == null ? null : new DeadLetter(new String(got.getBody(), StandardCharsets.UTF_8),
                got.getProps().getHeaders());
    }

    /** How many orders orders stored for this partner's order id. */
    long orders(String partnerOrderId) {
        try (var db = DriverManager.getConnection(System.getProperty("it.jdbc.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
             PreparedStatement query = db.prepareStatement(
                     "select count(*) from orders.orders where partner = ? and partner_order_id = ? and channel = 'PARTNER'")) {
            query.setString(1, name);
            query.setString(2, partnerOrderId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long consumers(String queue) throws IOException {
        try (Channel passive = connection.createChannel()) {
            return passive.queueDeclarePassive(queue).getConsumerCount();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    static String placeOrder(String partnerOrderId, String payment, UUID... products) {
        var items = Json.createArrayBuilder();
        for (UUID product : products) {
            items.add(Json.createObjectBuilder().add("productId", product.toString()).add("quantity", 2));
        }
        return Json.createObjectBuilder()
                .add("partnerOrderId", partnerOrderId)
                .add("items", items)
                .add("customer", Json.createObjectBuilder().add("name", "Ana Souza").add("phone", "(11) 98765-4321"))
                .add("deliveryAddress", Json.createObjectBuilder().add("street", "Av. Paulista").add("number", "1000")
                        .add("district", "Bela Vista").add("city", "São Paulo").add("state", "SP")
                        .add("postalCode", "01310-100"))
                .add("payment", Json.createReader(new StringReader(payment)).readObject())
                .build().toString();
    }

    static String prepaid(long cents) {
        return "{\"method\":\"PREPAID\",\"amountCents\":" + cents + "}";
    }

    static String card(String token) {
        return "{\"method\":\"CARD\",\"cardToken\":\"" + token + "\"}";
    }
}
