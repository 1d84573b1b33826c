package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.platform.persistence.Database;
import com.forno.pizzeria.platform.outages.Outages;
import com.forno.pizzeria.platform.scheduling.Periodic;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQDestination;
import com.rabbitmq.jms.client.RMQSession;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Runs every {@link MessageHandler} of the WAR on {@code pizzeria.messaging.consumers} transacted sessions each, and
 * keeps them running: after a reconnection, and when the broker closes one session's channel alone (an
 * acknowledgement it refused, a handler it gave up on) while the connection stays up, which otherwise ends that
 * session's consumer silently. {@link #consuming()} says whether every session consumes (readiness).
 * <p>
 * Why transacted: the client's default listener acknowledges a message before {@code onMessage} runs, so a crash
 * would lose it. Here the session's acknowledgement is committed only after the database transaction that applied
 * the message committed; a failure rolls the session back and the broker redelivers. Between the two commits a
 * crash redelivers a message that was applied: the inbox recognises it, and it is acknowledged with no second effect.
 * <p>
 * An outage of what the work depends on (the database unreachable or restarting, a dependency the handler says is
 * {@link com.forno.pizzeria.platform.outages.Unavailable}: see {@link Outages}) is not the message's fault: the
 * session holds the message and applies it again, backing off, until it is back (at most
 * {@code pizzeria.messaging.hold-ms}), so a short outage spends none of the message's delivery limit and sends
 * nothing to the dead letters. Only a failure of the work itself is rolled back and counts against the limit.
 */
@ApplicationScoped
public class Consumers {

    private static final System.Logger LOG = System.getLogger(Consumers.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    @Inject
    Broker broker;

    @Inject
    Deliveries deliveries;

    @Inject
    Periodic periodic;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Resource
    ContextService contexts;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "pizzeria.messaging.consumers", defaultValue = "2")
    int sessionsPerQueue;

    @Inject
    @ConfigProperty(name = "pizzeria.messaging.hold-ms", defaultValue = "300000")
    long holdMillis;

    private final List<Slot> slots = new CopyOnWriteArrayList<>();
    private final AtomicLong reopened = new AtomicLong();
    private volatile Periodic.Task keeper;
    private volatile boolean stopping;
    private Thread onShutdown;

    public void start() {
        if (handlers.isUnsatisfied() || !broker.used()) {
            return;
        }
        for (MessageHandler handler : handlers) {
            register(handler);
        }
        keeper = periodic.every("consumers", Duration.ZERO, Duration.ofSeconds(5), this::keepConsuming);
        broker.onConsumingConnection(keeper::wake);
        // On SIGTERM, stop taking messages before the container starts taking the application apart: a handler
        // called meanwhile failed (its beans going away), was rolled back and redelivered at once, five times in
        // milliseconds, and saga commands landed in the dead letters whenever both stock instances were stopped.
        onShutdown = new Thread(() -> stopping = true, "consumers-stop");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * Consumes one more queue from now on (a partner's, learnt while running); its sessions open within seconds.
     * Nothing happens when the queue is consumed already.
     */
    public synchronized void add(MessageHandler handler) {
        if (!broker.used() || slots.stream().anyMatch(slot -> slot.handler.queue().name().equals(handler.queue().name()))) {
            return;
        }
        register(handler);
        if (keeper != null) {
            keeper.wake();
        }
    }

    /** Stops consuming a queue that was {@link #add added} (its partner is gone). */
    public synchronized void remove(String queue) {
        List<Slot> leaving = slots.stream().filter(slot -> slot.handler.queue().name().equals(queue)).toList();
        slots.removeAll(leaving);
        leaving.forEach(Slot::close);
    }

    private void register(MessageHandler handler) {
        String queue = handler.queue().name();
        // dead_letters{queue}: what this queue gave up on, for the operator's alert
        try {
            metrics.gauge(Metadata.builder().withName("dead.letters")
                            .withDescription("Messages in the queue's dead-letter queue").build(),
                    broker, b -> b.queueDepth(handler.queue().deadLetterQueue()), new Tag("queue", queue));
        } catch (IllegalArgumentException registeredBefore) {
            // a queue consumed again (a partner removed and added back): its gauge is still there
        }
        // the counters exist from the start at 0, so that a rate over them is 0 rather than no data
        for (String outcome : new String[] {"messages.applied", "messages.duplicates", "messages.failed",
                "messages.held"}) {
            metrics.counter(outcome, new Tag("queue", queue));
        }
        for (int i = 0; i < sessionsPerQueue; i++) {
            slots.add(new Slot(handler));
        }
    }

    /**
     * Takes no more messages: one being applied finishes; one that arrives now, or is held through an outage, is left
     * unacknowledged, and the broker gives it to another instance when this one's connection closes (one delivery,
     * not a failure).
     */
    public void stop() {
        stopping = true;
        if (onShutdown != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook has run or runs now: stopping is set either way
            }
        }
    }

    /** Whether every consumer session of this WAR is consuming now ({@code true} when it has none). */
    public boolean consuming() {
        return slots.stream().allMatch(Slot::alive);
    }

    /** Sessions consuming now, of how many there should be: {@code [live, expected]}. */
    public int[] sessions() {
        return new int[] {(int) slots.stream().filter(Slot::alive).count(), slots.size()};
    }

    /** How many consumer sessions were made again after their channel died alone (the connection up). */
    public long reopened() {
        return reopened.get();
    }

    /**
     * Test hook: breaks one consumer session's channel the way the broker does (an acknowledgement of a delivery it
     * does not know), leaving the connection up. Returns whether there was a channel to break.
     */
    public boolean breakOneChannel(String queue) {
        return slots.stream().filter(slot -> slot.handler.queue().name().equals(queue) && slot.alive()).findFirst()
                .map(Slot::sabotage).orElse(false);
    }

    /** Every slot consumes on the current connection: opens the sessions that are missing or whose channel died. */
    private void keepConsuming() {
        Connection connection = broker.consuming();
        if (connection == null || stopping) {
            return;
        }
        for (Slot slot : slots) {
            slot.consumeOn(connection);
        }
    }

    /** One consumer session of one handler, made again whenever it is gone. */
    private final class Slot {

        private final MessageHandler handler;
        private volatile Session session;
        private volatile Channel channel;
        private volatile Connection connection;

        Slot(MessageHandler handler) {
            this.handler = handler;
        }

        boolean alive() {
            Channel current = channel;
            return current != null && current.isOpen() && connection == broker.consuming();
        }

        void consumeOn(Connection current) {
            if (alive()) {
                return;
            }
            boolean replacing = session != null && connection == current;
            close();
            try {
                Session fresh = current.createSession(Session.SESSION_TRANSACTED);
                MessageConsumer consumer = fresh.createConsumer(
                        new RMQDestination(handler.queue().name(), null, null, handler.queue().name()));
                // the client calls onMessage on its own threads: give them this application's context
                consumer.setMessageListener(contexts.createContextualProxy(
                        new Listener(fresh, handler), MessageListener.class));
                Channel opened = channelOf(fresh);
                opened.addShutdownListener(cause -> {
                    if (!cause.isInitiatedByApplication() && keeper != null) {
                        keeper.wake();
                    }
                });
                session = fresh;
                channel = opened;
                connection = current;
                if (replacing) {
                    reopened.incrementAndGet();
                    LOG.log(Level.WARNING, "a consumer session of {0} had lost its channel; consuming again",
                            handler.queue().name());
                }
            } catch (JMSException | RuntimeException e) {
                // the connection died under us: the broker reconnects and the keeper comes back
                LOG.log(Level.WARNING, "could not start consuming {0}: {1}", handler.queue().name(), e.getMessage());
            }
        }

        boolean sabotage() {
            try {
                channel.basicAck(Long.MAX_VALUE, false);
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private void close() {
            Session old = session;
            session = null;
            channel = null;
            connection = null;
            if (old != null) {
                try {
                    old.close();
                } catch (JMSException | RuntimeException e) {
                    LOG.log(Level.DEBUG, "closing a dead consumer session: {0}", e.getMessage());
                }
            }
        }
    }

    /**
     * The AMQP channel under a JMS session. The RabbitMQ JMS client keeps it to itself (a package-private getter)
     * and says nothing when the broker closes it; its shutdown listener is the one way to learn it.
     */
    static Channel channelOf(Session session) {
        try {
            Method getChannel = RMQSession.class.getDeclaredMethod("getChannel");
            getChannel.setAccessible(true);
            return (Channel) getChannel.invoke(session);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this RabbitMQ JMS client hides its session's channel differently", e);
        }
    }

    private final class Listener implements MessageListener {

        private final Session session;
        private final MessageHandler handler;
        private final Counter applied;
        private final Counter duplicates;
        private final Counter failed;
        private final Counter held;

        Listener(Session session, MessageHandler handler) {
            this.session = session;
            this.handler = handler;
            Tag queue = new Tag("queue", handler.queue().name());
            this.applied = metrics.counter("messages.applied", queue);
            this.duplicates = metrics.counter("messages.duplicates", queue);
            this.failed = metrics.counter("messages.failed", queue);
            this.held = metrics.counter("messages.held", queue);
        }

        @Override
        public void onMessage(Message message) {
            if (stopping) {
                return; // left unacknowledged: it goes back to the queue, to another instance, when we disconnect
            }
            String queue = handler.queue().name();
            Envelope envelope;
            try {
                envelope = handler.read(message);
            } catch (Exception e) {
                failed.inc();
                LOG.log(Level.WARNING, "an unreadable message on " + queue + "; the broker will redeliver it", e);
                rollback();
                return;
            }
            long holdingSince = 0;
            for (int attempt = 0; ; attempt++) {
                try {
                    boolean firstTime = deliveries.apply(envelope, handler);
                    session.commit();
                    (firstTime ? applied : duplicates).inc();
                    if (holdingSince != 0) {
                        LOG.log(Level.INFO, "{0} {1} on {2} applied after holding it {3} ms through an outage",
                                envelope.type(), envelope.id(), queue, System.currentTimeMillis() - holdingSince);
                    }
                    return;
                } catch (Exception e) {
                    if (stopping) {
                        // the application is going away under the handler: not the message's fault, no rollback
                        LOG.log(Level.INFO, "{0} {1} on {2} left for another instance: this one is stopping",
                                envelope.type(), envelope.id(), queue);
                        return;
                    }
                    long now = System.currentTimeMillis();
                    boolean mayHold = holdingSince == 0 || now - holdingSince < holdMillis;
                    if (mayHold && (Outages.isOutage(e) || !Outages.databaseAnswers(dataSource))) {
                        if (holdingSince == 0) {
                            holdingSince = now;
                            held.inc();
                            LOG.log(Level.WARNING, "an outage under {0} {1} on {2} ({3}); holding the message "
                                    + "until it is over, its delivery limit untouched",
                                    envelope.type(), envelope.id(), queue, String.valueOf(e));
                        }
                        if (!pause(Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(attempt, 5)))) {
                            return; // interrupted: the instance is going away, and the message with its connection
                        }
                        continue;
                    }
                    failed.inc();
                    LOG.log(Level.WARNING, "message on " + queue + " failed; the broker will redeliver it", e);
                    rollback();
                    return;
                }
            }
        }

        private boolean pause(long millis) {
            try {
                Thread.sleep(millis);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void rollback() {
            try {
                session.rollback();
            } catch (JMSException | RuntimeException e) {
                // the session is gone (connection lost): the broker requeues the unacknowledged message itself
                LOG.log(Level.DEBUG, "rollback failed: {0}", e.getMessage());
            }
        }
    }
}
