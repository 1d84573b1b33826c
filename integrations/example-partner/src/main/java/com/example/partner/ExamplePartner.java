package com.example.partner;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shortest path to a working integration, in plain JMS with the RabbitMQ JMS client: connect with the AMQP URI
 * {@code bin/pizzeria partner add NAME} printed, publish PlaceOrder and CancelOrder on the exchange
 * {@code integrations.NAME.in}, and listen on the queues {@code integrations.NAME.replies} and
 * {@code integrations.NAME.events}. The contract: {@code integrations/asyncapi.yaml}.
 * <p>
 * {@code java ExamplePartner AMQP_URI NAME GATEWAY} reads the menu from the gateway, places three orders (prepaid
 * at the menu's total, prepaid at a wrong amount, by card), cancels a fourth, and prints every reply until each order
 * has its final one.
 */
public final class ExamplePartner {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ExamplePartner AMQP_URI PARTNER_NAME GATEWAY_URL");
            System.exit(2);
        }
        String uri = args[0];
        String name = args[1];
        List<JsonObject> menu = menu(args[2]);
        if (menu.isEmpty()) {
            System.err.println("nothing on the menu can be made now: restock first");
            System.exit(1);
        }
        JsonObject pizza = menu.get(0);

        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setUri(uri);
        // the AMQP type property names the message, as the contract says (the JMSType header carries it too)
        factory.setAmqpPropertiesCustomiser((builder, message) -> {
            try {
                return builder.type(message.getJMSType()).contentType("application/json");
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        // a partner may configure nothing: never declare a reply-to queue
        factory.setDeclareReplyToDestination(false);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // amqp=true destinations: the bare JSON travels, readable by anyone; the exchange exists already
            MessageProducer orders = session.createProducer(
                    new RMQDestination("integrations." + name + ".in", "integrations." + name + ".in", "", null));
            MessageConsumer replies = session.createConsumer(new RMQDestination("integrations." + name + ".replies",
                    null, null, "integrations." + name + ".replies"));
            MessageConsumer events = session.createConsumer(new RMQDestination("integrations." + name + ".events",
                    null, null, "integrations." + name + ".events"));
            connection.start();

            String run = UUID.randomUUID().toString().substring(0, 8);
            long price = pizza.getJsonNumber("priceCents").longValue();
            Map<String, String> pending = new LinkedHashMap<>();
            pending.put("demo-" + run + "-prepaid", "prepaid " + pizza.getString("name") + " x2 at the menu's total");
            pending.put("demo-" + run + "-wrong", "prepaid at a wrong amount");
            pending.put("demo-" + run + "-card", "by card tok_approved");
            pending.put("demo-" + run + "-cancel", "by card tok_slow, then cancelled");
            send(session, orders, "PlaceOrder", "demo-" + run + "-prepaid", placeOrder("demo-" + run + "-prepaid",
                    pizza, Json.createObjectBuilder().add("method", "PREPAID").add("amountCents", 2 * price).build()));
            send(session, orders, "PlaceOrder", "demo-" + run + "-wrong", placeOrder("demo-" + run + "-wrong",
                    pizza, Json.createObjectBuilder().add("method", "PREPAID").add("amountCents", 2 * price - 1).build()));
            send(session, orders, "PlaceOrder", "demo-" + run + "-card", placeOrder("demo-" + run + "-card",
                    pizza, Json.createObjectBuilder().add("method", "CARD").add("cardToken", "tok_approved").build()));
            send(session, orders, "PlaceOrder", "demo-" + run + "-cancel", placeOrder("demo-" + run + "-cancel",
                    pizza, Json.createObjectBuilder().add("method", "CARD").add("cardToken", "tok_slow").build()));
            send(session, orders, "CancelOrder", "demo-" + run + "-cancel",
                    Json.createObjectBuilder().add("partnerOrderId", "demo-" + run + "-cancel").build());
            pending.forEach((id, what) -> System.out.println("sent   " + id + ": " + what));

            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (!pending.isEmpty() && Instant.now().isBefore(until)) {
                Message reply = replies.receive(500);
                if (reply != null) {
                    JsonObject body = json(reply);
                    String type = type(body);
                    String id = body.getString("partnerOrderId", "?");
                    System.out.println("heard  " + type + " " + body);
                    if (!type.equals("OrderStatusChanged") && pending.remove(id) != null) {
                        System.out.println("       -> " + id + " is decided");
                    }
                }
                Message event = events.receiveNoWait();
                if (event != null) {
                    System.out.println("event  ProductAvailabilityChanged " + json(event));
                }
            }
            if (!pending.isEmpty()) {
                System.err.println("no final reply within 60 s for " + pending.keySet());
                System.exit(1);
            }
        }
    }

    private static void send(Session session, MessageProducer producer, String type, String partnerOrderId,
                             JsonObject body) throws JMSException {
        TextMessage message = session.createTextMessage(body.toString());
        message.setJMSType(type);
        message.setJMSCorrelationID(partnerOrderId);
        producer.send(message);
    }

    /** A reply's type: the AMQP type does not reach a JMS consumer, so tell it by its fields. */
    private static String type(JsonObject body) {
        if (body.containsKey("status")) {
            return "OrderStatusChanged";
        }
        return body.containsKey("reason") ? "OrderRejected" : "OrderAccepted";
    }

    private static JsonObject placeOrder(String id, JsonObject pizza, JsonObject payment) {
        return Json.createObjectBuilder()
                .add("partnerOrderId", id)
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("productId", pizza.getString("productId")).add("quantity", 2)))
                .add("customer", Json.createObjectBuilder().add("name", "Cliente do parceiro").add("phone", "(11) 4000-1234"))
                .add("deliveryAddress", Json.createObjectBuilder().add("street", "Av. Paulista").add("number", "1000")
                        .add("district", "Bela Vista").add("city", "São Paulo").add("state", "SP").add("postalCode", "01310-100"))
                .add("payment", payment)
                .build();
    }

    private static JsonObject json(Message message) throws JMSException {
        String text;
        if (message instanceof TextMessage textMessage) {
            text = textMessage.getText();
        } else {
            var bytes = (jakarta.jms.BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            text = new String(body, StandardCharsets.UTF_8);
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** What can be ordered now, from the public menu. */
    private static List<JsonObject> menu(String gateway) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/stock/menu"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /stock/menu answered " + response.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().stream().map(JsonValue::asJsonObject)
                    .filter(item -> !item.getBoolean("soldOut", false) && item.getJsonNumber("available").longValue() >= 2)
                    .toList();
        }
    }

    private ExamplePartner() {
    }
}
