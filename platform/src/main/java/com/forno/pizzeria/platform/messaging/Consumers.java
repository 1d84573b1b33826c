package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.rabbitmq.jms.admin.RMQDestination;
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
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Runs every {@link MessageHandler} of the WAR on {@code pizzeria.messaging.consumers} transacted sessions each,
 * again after every reconnection.
 * <p>
 * Why transacted: the client's default listener acknowledges a message before {@code onMessage} runs, so a crash
 * would lose it. Here the session's acknowledgement is committed only after the database transaction that applied
 * the message committed; a failure rolls the session back and the broker redelivers. Between the two commits a
 * crash redelivers a message that was applied: the inbox recognises it, and it is acknowledged with no second effect.
 */
@ApplicationScoped
public class Consumers {

    private static final System.Logger LOG = System.getLogger(Consumers.class.getName());

    @Inject
    Broker broker;

    @Inject
    Deliveries deliveries;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Resource
    ContextService contexts;

    @Inject
    @ConfigProperty(name = "pizzeria.messaging.consumers", defaultValue = "2")
    int sessionsPerQueue;

    public void start() {
        if (handlers.isUnsatisfied()) {
            return;
        }
        for (MessageHandler handler : handlers) {
            String queue = handler.queue().name();
            // dead_letters{queue}: what this queue gave up on, for the operator's alert
            metrics.gauge(Metadata.builder().withName("dead.letters")
                            .withDescription("Messages in the queue's dead-letter queue").build(),
                    broker, b -> b.queueDepth(handler.queue().deadLetterQueue()), new Tag("queue", queue));
            // the counters exist from the start at 0, so that a rate over them is 0 rather than no data
            for (String outcome : new String[] {"messages.applied", "messages.duplicates", "messages.failed"}) {
                metrics.counter(outcome, new Tag("queue", queue));
            }
        }
        broker.onConnect(this::consume);
    }

    private void consume(Connection connection) {
        for (MessageHandler handler : handlers) {
            for (int i = 0; i < sessionsPerQueue; i++) {
                try {
                    Session session = connection.createSession(Session.SESSION_TRANSACTED);
                    MessageConsumer consumer = session.createConsumer(
                            new RMQDestination(handler.queue().name(), null, null, handler.queue().name()));
                    // the client calls onMessage on its own threads: give them this application's context
                    consumer.setMessageListener(contexts.createContextualProxy(
                            new Listener(session, handler), MessageListener.class));
                } catch (JMSException e) {
                    // the connection died under us: the broker reconnects and calls us again
                    LOG.log(Level.WARNING, "could not start consuming {0}: {1}", handler.queue().name(), e.getMessage());
                    return;
                }
            }
            LOG.log(Level.INFO, "consuming {0} on {1} sessions", handler.queue().name(), sessionsPerQueue);
        }
    }

    private final class Listener implements MessageListener {

        private final Session session;
        private final MessageHandler handler;
        private final Counter applied;
        private final Counter duplicates;
        private final Counter failed;

        Listener(Session session, MessageHandler handler) {
            this.session = session;
            this.handler = handler;
            Tag queue = new Tag("queue", handler.queue().name());
            this.applied = metrics.counter("messages.applied", queue);
            this.duplicates = metrics.counter("messages.duplicates", queue);
            this.failed = metrics.counter("messages.failed", queue);
        }

        @Override
        public void onMessage(Message message) {
            String queue = handler.queue().name();
            try {
                Envelope envelope = Envelopes.fromMessage(message);
                boolean firstTime = deliveries.apply(envelope, handler);
                session.commit();
                (firstTime ? applied : duplicates).inc();
            } catch (Exception e) {
                failed.inc();
                LOG.log(Level.WARNING, "message on " + queue + " failed; the broker will redeliver it", e);
                rollback();
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
