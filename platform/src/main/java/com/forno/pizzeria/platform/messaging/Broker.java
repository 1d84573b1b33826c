package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.platform.scheduling.Periodic;
import com.rabbitmq.client.BlockedListener;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The process's connections to RabbitMQ: one that publishes (the outbox relay, dead-letter replays) and one that
 * consumes and reads (the consumers, queue depths, dead-letter listings). Two, because a broker in a memory or disk
 * alarm blocks the connections that publish: on a shared connection that also stalled the consumers whose work
 * would drain the queues. While the publishing connection is blocked the relay waits, and the consumers go on.
 * <p>
 * When a connection is lost (broker restart, network) it is made again every {@code pizzeria.broker.reconnect-ms}
 * until the broker is back, and the consumers start over. The AMQP client's own recovery is off so that exactly
 * one mechanism owns reconnection. Starting without a broker is fine: the instance is not ready until connected,
 * and messages wait in the outbox.
 * <p>
 * A WAR that neither consumes nor publishes (no {@code pizzeria.amqp.uri}) makes no connection at all, and its
 * readiness does not depend on the broker. {@code pizzeria.broker.declare-topology} (true) declares the exchanges and
 * queues on every connection; a service whose broker user may configure nothing (bin/pizzeria, Kubernetes) runs
 * with false and finds the topology its provisioning declared.
 */
@ApplicationScoped
public class Broker {

    static final String MESSAGE_ID = "messageId";
    static final String MESSAGE_TYPE = "messageType";

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    @Inject
    @ConfigProperty(name = "pizzeria.amqp.uri")
    Optional<String> uri;

    @Inject
    @ConfigProperty(name = "pizzeria.broker.reconnect-ms", defaultValue = "2000")
    long reconnectMillis;

    @Inject
    @ConfigProperty(name = "pizzeria.broker.declare-topology", defaultValue = "true")
    boolean declareTopology;

    /** How long a consumer may hold one message (see Consumers); the client gives up on a handler after this. */
    @Inject
    @ConfigProperty(name = "pizzeria.messaging.hold-ms", defaultValue = "300000")
    long holdMillis;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    @Inject
    Periodic periodic;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private final Link publishing = new Link("publishing");
    private final Link consuming = new Link("consuming");
    private final List<Runnable> consumingListeners = new CopyOnWriteArrayList<>();
    private final List<Declaration> declarations = new CopyOnWriteArrayList<>();

    /** Broker resources a service declares beyond the topology (a partner's), on an AMQP channel. */
    @FunctionalInterface
    public interface Declaration {
        void declare(Channel channel) throws IOException;
    }
    private final AtomicLong reconnects = new AtomicLong();
    private volatile Periodic.Task connector;
    private volatile boolean stopped;

    /** Whether this WAR talks to RabbitMQ at all. */
    public boolean used() {
        return uri.filter(value -> !value.isBlank()).isPresent();
    }

    public void start() {
        if (!used()) {
            LOG.log(Level.INFO, "no pizzeria.amqp.uri: this service neither publishes nor consumes messages");
            return;
        }
        metrics.gauge(Metadata.builder().withName("broker.publishing.blocked")
                        .withDescription("1 while RabbitMQ blocks this process's publishing (a memory or disk alarm)")
                        .build(), publishing, link -> link.blocked ? 1 : 0);
        connector = periodic.every("broker-connections", Duration.ZERO, Duration.ofMillis(reconnectMillis),
                this::connectWhatIsMissing);
    }

    public void stop() {
        stopped = true;
        if (connector != null) {
            connector.cancel();
        }
        publishing.close();
        consuming.close();
    }

    /** Whether this process declares the broker's resources itself (false: provisioning did, and it may not). */
    public boolean declaresTopology() {
        return declareTopology;
    }

    /**
     * Declares more resources now (when connected) and on every new connection, if this process declares its
     * topology; otherwise provisioning declared them. Returns false when declaring them now failed (nothing is kept:
     * call again).
     */
    public boolean declare(Declaration declaration) {
        if (!declareTopology) {
            return true;
        }
        declarations.add(declaration);
        com.rabbitmq.client.Connection amqp = consuming.amqp;
        if (amqp == null || !amqp.isOpen()) {
            return true; // declared with the topology when the connection is made, before anything consumes on it
        }
        try (Channel channel = amqp.createChannel()) {
            declaration.declare(channel);
            return true;
        } catch (IOException | TimeoutException | RuntimeException e) {
            declarations.remove(declaration);
            LOG.log(Level.WARNING, "declaring broker resources failed: {0}", String.valueOf(e));
            return false;
        }
    }

    /** Runs {@code listener} after every new consuming connection (the consumers start over on it). */
    public void onConsumingConnection(Runnable listener) {
        consumingListeners.add(listener);
    }

    /** Both connections open. */
    public boolean connected() {
        return publishing.connection != null && consuming.connection != null;
    }

    /** The connection to publish on, or {@code null} while the broker is away. */
    public Connection publishing() {
        return publishing.connection;
    }

    /** The connection to consume and read on, or {@code null} while the broker is away. */
    public Connection consuming() {
        return consuming.connection;
    }

    /** The broker refuses to take messages from us now (a resource alarm): publishing would only wait. */
    public boolean publishingBlocked() {
        return publishing.blocked;
    }

    public long reconnects() {
        return reconnects.get();
    }

    /** Messages ready in a queue (a passive declare: reads, creates nothing), or NaN while the broker is away. */
    public double queueDepth(String queue) {
        return inspect(queue, true);
    }

    /** Consumers of a queue, from every process (a passive declare), or NaN while the broker is away. */
    public double queueConsumers(String queue) {
        return inspect(queue, false);
    }

    private double inspect(String queue, boolean messages) {
        com.rabbitmq.client.Connection amqp = consuming.amqp;
        if (amqp == null || !amqp.isOpen() || consuming.connection == null) {
            return Double.NaN;
        }
        try (Channel channel = amqp.createChannel()) {
            var state = channel.queueDeclarePassive(queue);
            return messages ? state.getMessageCount() : state.getConsumerCount();
        } catch (IOException | TimeoutException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Drops both connections the way a crashed process does (no close handshake): the broker requeues every
     * unacknowledged message. Used by fault tests; the connections are then made again as after any loss.
     */
    public void abortConnection() {
        publishing.abort();
        consuming.abort();
    }

    private void connectWhatIsMissing() {
        if (stopped) {
            return;
        }
        publishing.connectIfMissing();
        if (consuming.connectIfMissing()) {
            consumingListeners.forEach(Runnable::run);
        }
    }

    /** One of the two connections, made again when lost. */
    private final class Link {

        private final String purpose;
        private volatile Connection connection;
        private volatile com.rabbitmq.client.Connection amqp;
        private volatile boolean blocked;

        Link(String purpose) {
            this.purpose = purpose;
        }

        /** Connects when not connected; {@code true} when a new connection was made. */
        synchronized boolean connectIfMissing() {
            if (stopped || connection != null) {
                return false;
            }
            Connection fresh = null;
            try {
                fresh = factory().createConnection();
                Connection self = fresh;
                fresh.setExceptionListener(e -> lost(self, e));
                fresh.start();
                blocked = false;
                connection = fresh;
                LOG.log(Level.INFO, "{0} connection to RabbitMQ at {1} open", purpose, redacted(uri.orElseThrow()));
                return true;
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.WARNING, "RabbitMQ unavailable for {0} ({1}); retrying in {2} ms", purpose,
                        e.getMessage(), reconnectMillis);
                closeQuietly(fresh);
                return false;
            }
        }

        private void lost(Connection lost, JMSException cause) {
            synchronized (this) {
                if (connection != lost) {
                    return;
                }
                connection = null;
            }
            reconnects.incrementAndGet();
            LOG.log(Level.WARNING, "lost the {0} connection to RabbitMQ: {1}", purpose, cause.getMessage());
            // not on the AMQP client's thread that reported the loss: closing there can wait on that very thread
            Thread closer = new Thread(() -> closeQuietly(lost), "rabbitmq-close-" + purpose);
            closer.setDaemon(true);
            closer.start();
            if (connector != null) {
                connector.wake();
            }
        }

        void abort() {
            Connection current = connection;
            com.rabbitmq.client.Connection raw = amqp;
            if (raw != null) {
                raw.abort(0);
            }
            // The JMS client tells the exception listener only of losses it did not cause itself, and an abort is
            // one it caused: without this, the link stayed "connected" to a dead connection and never reconnected.
            if (current != null) {
                lost(current, new JMSException("connection aborted"));
            }
        }

        void close() {
            Connection current = connection;
            connection = null;
            closeQuietly(current);
        }

        private RMQConnectionFactory factory() throws JMSException {
            RMQConnectionFactory factory = new RMQConnectionFactory();
            factory.setUri(uri.orElseThrow());
            factory.setAmqpConnectionFactoryPostProcessor(amqp -> {
                amqp.setAutomaticRecoveryEnabled(false);
                amqp.setTopologyRecoveryEnabled(false);
                amqp.setConnectionTimeout(5_000);
                amqp.setRequestedHeartbeat(10);
                Map<String, Object> properties = new LinkedHashMap<>(amqp.getClientProperties());
                properties.put("connection_name", instanceName() + " " + purpose);
                amqp.setClientProperties(properties);
            });
            factory.setAmqpConnectionPostProcessor(raw -> {
                amqp = raw;
                raw.addBlockedListener(new BlockedListener() {
                    @Override
                    public void handleBlocked(String reason) {
                        blocked = true;
                        LOG.log(Level.WARNING, "RabbitMQ blocks the {0} connection: {1}", purpose, reason);
                    }

                    @Override
                    public void handleUnblocked() {
                        blocked = false;
                        LOG.log(Level.INFO, "RabbitMQ unblocked the {0} connection", purpose);
                    }
                });
                if (declareTopology) {
                    declareTopology(raw);
                }
            });
            // Consumers prefetch one message per session: the next arrives after the previous is committed.
            factory.setChannelsQos(1);
            // The client gives up on a handler after this (the message is then redelivered): longer than a consumer
            // holds a message through a database outage.
            factory.setOnMessageTimeoutMs((int) Math.min(Integer.MAX_VALUE, holdMillis + 60_000));
            factory.setDeclareReplyToDestination(false);
            factory.setKeepTextMessageType(true);
            factory.setAmqpPropertiesCustomiser(Broker::amqpProperties);
            return factory;
        }
    }

    /** AMQP-native properties, so the message reads well outside JMS too (dead-letter queues, other clients). */
    private static com.rabbitmq.client.AMQP.BasicProperties.Builder amqpProperties(
            com.rabbitmq.client.AMQP.BasicProperties.Builder builder, Message message) {
        try {
            return builder.contentType("application/json")
                    .contentEncoding("UTF-8")
                    .messageId(message.getStringProperty(MESSAGE_ID))
                    .type(message.getStringProperty(MESSAGE_TYPE));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void declareTopology(com.rabbitmq.client.Connection amqp) {
        Map<String, QueueSpec> queues = new LinkedHashMap<>();
        Topology.QUEUES.forEach(q -> queues.put(q.name(), q));
        handlers.forEach(h -> queues.putIfAbsent(h.queue().name(), h.queue()));
        try (Channel channel = amqp.createChannel()) {
            channel.exchangeDeclare(Topology.EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(Topology.DEAD_LETTER_EXCHANGE, BuiltinExchangeType.DIRECT, true);
            channel.exchangeDeclare(Topology.REPLAY_EXCHANGE, BuiltinExchangeType.TOPIC, true);
            // where orders replies to partners and stock tells them of availability (Partners)
            channel.exchangeDeclare(Partners.REPLIES_EXCHANGE, BuiltinExchangeType.DIRECT, true);
            channel.exchangeDeclare(Partners.EVENTS_EXCHANGE, BuiltinExchangeType.FANOUT, true);
            for (QueueSpec queue : queues.values()) {
                channel.queueDeclare(queue.name(), true, false, false, queue.arguments());
                for (String binding : queue.bindings()) {
                    channel.queueBind(queue.name(), Topology.EXCHANGE, binding);
                }
                if (queue.deadLettered()) {
                    channel.queueBind(queue.name(), Topology.REPLAY_EXCHANGE, queue.name());
                    channel.queueDeclare(queue.deadLetterQueue(), true, false, false, queue.deadLetterArguments());
                    channel.queueBind(queue.deadLetterQueue(), Topology.DEAD_LETTER_EXCHANGE, queue.name());
                }
            }
            for (Declaration declaration : declarations) {
                declaration.declare(channel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("declaring the RabbitMQ topology failed", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("declaring the RabbitMQ topology timed out", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing a dead connection: {0}", e.getMessage());
            }
        }
    }

    private static String instanceName() {
        return Optional.ofNullable(System.getenv("PIZZERIA_INSTANCE")).orElse("pizzeria");
    }

    static String redacted(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
