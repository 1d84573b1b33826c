package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The process's one connection to RabbitMQ. It declares the whole topology on every (re)connection, and when the
 * connection is lost (broker restart, network) it reconnects every {@code pizzeria.broker.reconnect-ms} until the
 * broker is back, then lets its listeners (the consumers) start over. The AMQP client's own recovery is off so that
 * exactly one mechanism owns reconnection. Starting without a broker is fine: the instance is not ready until
 * connected, and messages wait in the outbox.
 */
@ApplicationScoped
public class Broker {

    static final String MESSAGE_ID = "messageId";
    static final String MESSAGE_TYPE = "messageType";

    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    @Inject
    @ConfigProperty(name = "pizzeria.amqp.uri")
    String uri;

    @Inject
    @ConfigProperty(name = "pizzeria.broker.reconnect-ms", defaultValue = "2000")
    long reconnectMillis;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ContextService contexts;

    private final List<Consumer<Connection>> listeners = new CopyOnWriteArrayList<>();
    private Runnable reconnect;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile com.rabbitmq.client.Connection amqpConnection;
    private volatile Connection connection;
    private volatile boolean stopped;

    public void start() {
        // A loss is reported on the AMQP client's own thread, which has no application context, and a task scheduled
        // from there would run without one too: then consumers restarted by the reconnection ran their handlers with
        // no component context. The reconnection carries the context of the start instead.
        reconnect = contexts.createContextualProxy((Runnable) this::connect, Runnable.class);
        connect();
    }

    public void stop() {
        stopped = true;
        Connection current = connection;
        connection = null;
        close(current);
    }

    /** Runs {@code listener} with every new connection, and at once if connected now. */
    public synchronized void onConnect(Consumer<Connection> listener) {
        listeners.add(listener);
        if (connection != null) {
            listener.accept(connection);
        }
    }

    public boolean connected() {
        return connection != null;
    }

    /** The current connection, or {@code null} while the broker is away. */
    public Connection connection() {
        return connection;
    }

    public long reconnects() {
        return reconnects.get();
    }

    /** Messages ready in a queue (a passive declare: reads, creates nothing), or NaN while the broker is away. */
    public double queueDepth(String queue) {
        com.rabbitmq.client.Connection amqp = amqpConnection;
        if (amqp == null || !amqp.isOpen() || connection == null) {
            return Double.NaN;
        }
        try (Channel channel = amqp.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException | TimeoutException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Drops the connection the way a crashed process does (no close handshake): the broker requeues every
     * unacknowledged message. Used by fault tests; the broker then reconnects as after any loss.
     */
    public void abortConnection() {
        Connection current = connection;
        com.rabbitmq.client.Connection amqp = amqpConnection;
        if (amqp != null) {
            amqp.abort(0);
        }
        // The JMS client tells the exception listener only of losses it did not cause itself, and an abort is one it
        // caused: without this, the broker stayed "connected" to a dead connection and never reconnected.
        if (current != null) {
            lost(current, new JMSException("connection aborted"));
        }
    }

    private synchronized void connect() {
        if (stopped || connection != null) {
            return;
        }
        Connection fresh = null;
        try {
            fresh = factory().createConnection();
            Connection self = fresh;
            fresh.setExceptionListener(e -> lost(self, e));
            fresh.start();
            connection = fresh;
            for (Consumer<Connection> listener : listeners) {
                listener.accept(fresh);
            }
            LOG.log(Level.INFO, "connected to RabbitMQ at {0}", redacted(uri));
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "RabbitMQ unavailable ({0}); retrying in {1} ms", e.getMessage(), reconnectMillis);
            connection = null;
            close(fresh);
            retryLater();
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
        LOG.log(Level.WARNING, "lost the RabbitMQ connection: {0}", cause.getMessage());
        // not on the AMQP client's thread that reported the loss: closing there can wait on that very thread
        scheduler.execute(() -> close(lost));
        retryLater();
    }

    private void retryLater() {
        if (!stopped) {
            scheduler.schedule(reconnect, reconnectMillis, TimeUnit.MILLISECONDS);
        }
    }

    private RMQConnectionFactory factory() throws JMSException {
        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setUri(uri);
        factory.setAmqpConnectionFactoryPostProcessor(amqp -> {
            amqp.setAutomaticRecoveryEnabled(false);
            amqp.setTopologyRecoveryEnabled(false);
            amqp.setConnectionTimeout(5_000);
            amqp.setRequestedHeartbeat(10);
        });
        factory.setAmqpConnectionPostProcessor(amqp -> {
            amqpConnection = amqp;
            declareTopology(amqp);
        });
        // Consumers prefetch one message per session: the next arrives after the previous is committed.
        factory.setChannelsQos(1);
        // A handler is given a minute before the client gives up on it (the message is then redelivered).
        factory.setOnMessageTimeoutMs(60_000);
        factory.setDeclareReplyToDestination(false);
        factory.setKeepTextMessageType(true);
        factory.setAmqpPropertiesCustomiser(Broker::amqpProperties);
        return factory;
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
            for (QueueSpec queue : queues.values()) {
                channel.queueDeclare(queue.name(), true, false, false, queue.arguments());
                for (String binding : queue.bindings()) {
                    channel.queueBind(queue.name(), Topology.EXCHANGE, binding);
                }
                channel.queueDeclare(queue.deadLetterQueue(), true, false, false, queue.deadLetterArguments());
                channel.queueBind(queue.deadLetterQueue(), Topology.DEAD_LETTER_EXCHANGE, queue.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("declaring the RabbitMQ topology failed", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("declaring the RabbitMQ topology timed out", e);
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing a dead connection: {0}", e.getMessage());
            }
        }
    }

    static String redacted(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
