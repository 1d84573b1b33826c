package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each service talks to the broker as a user of its own with only the rights it needs: a compromised service cannot
 * forge another's reply (a PaymentAuthorized from stock would confirm an unpaid order), read another's queue or
 * change the topology; users and ai do not connect at all.
 */
class BrokerAccessIT {

    private static final String VHOST = System.getProperty("pizzeria.vhost");
    private static final String EXCHANGE = "pizzeria.messages";

    @Test
    void stockCannotForgeAPaymentAuthorisationNorReadOrdersRepliesNorDeclareAnything() throws Exception {
        try (Connection stock = connectAs("stock")) {
            assertRefused(() -> publishConfirmed(stock, "payments.reply.authorized"));
            assertRefused(() -> publishConfirmed(stock, "stock.command.reserve"));
            assertRefused(() -> stock.createChannel().basicConsume("orders.replies", true, (tag, m) -> { }, tag -> { }));
            assertRefused(() -> stock.createChannel().queueDeclare("forged", true, false, false, null));
            assertRefused(() -> stock.createChannel().queueDelete("orders.replies"));
        }
    }

    @Test
    void paymentsCannotAnswerForStockAndOrdersCannotAnswerForPayments() throws Exception {
        try (Connection payments = connectAs("payments")) {
            assertRefused(() -> publishConfirmed(payments, "stock.reply.reserved"));
        }
        try (Connection orders = connectAs("orders")) {
            assertRefused(() -> publishConfirmed(orders, "payments.reply.authorized"));
        }
    }

    @Test
    void onlyOrdersStockAndPaymentsAreConnectedEachAsItsOwnUserAndNeverAsGuest() {
        // two each (publishing, consuming) for orders-1, orders-2, stock-1, stock-2, payments; none for users, ai.
        // Awaited: an instance another test killed leaves its connections until the broker's heartbeat ends them.
        List<String[]> connections = await("the stack's connections").atMost(Duration.ofSeconds(60))
                .until(BrokerAccessIT::connections, rows -> rows.size() == 10);

        assertThat(connections.stream().map(row -> row[1]).distinct())
                .containsExactlyInAnyOrder(VHOST + "-orders", VHOST + "-stock", VHOST + "-payments");
    }

    /** The vhost's connections: [vhost, user] rows. */
    private static List<String[]> connections() throws IOException, InterruptedException {
        return Arrays.stream(rabbitmqctl("list_connections", "vhost", "user").split("\n"))
                .map(line -> line.split("\t")).filter(row -> row.length == 2 && row[0].equals(VHOST)).toList();
    }

    private static void publishConfirmed(Connection connection, String routingKey) throws Exception {
        Channel channel = connection.createChannel();
        channel.confirmSelect();
        channel.basicPublish(EXCHANGE, routingKey, null, "{}".getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5_000);
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void assertRefused(Attempt attempt) {
        assertThatThrownBy(attempt::run).satisfies(failure -> assertThat(causes(failure)).contains("ACCESS_REFUSED"));
    }

    private static String causes(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }

    private static Connection connectAs(String service) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getProperty("pizzeria.amqp.host"));
        factory.setPort(Integer.getInteger("pizzeria.amqp.port"));
        factory.setVirtualHost(VHOST);
        factory.setUsername(VHOST + "-" + service);
        factory.setPassword(Files.readString(Stack.STATE.resolve("secrets").resolve("amqp-password-" + VHOST + "-" + service))
                .strip());
        return factory.newConnection("system-tests as " + service);
    }

    private static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("rabbitmqctl ended").isTrue();
        assertThat(process.exitValue()).as("rabbitmqctl: " + output).isZero();
        return output;
    }
}
