package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes the outbox: woken after every commit that wrote to it, and sweeping every
 * {@code pizzeria.outbox.poll-ms} anyway (rows written while the broker was away, rows of a crashed instance). A
 * {@link Periodic} task, so that no failure (broker away, database away) ends it. It waits while the broker blocks
 * the publishing connection (a resource alarm). Exposes the backlog as the gauges {@code outbox_backlog} and
 * {@code outbox_oldest_age_seconds}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    @Inject
    Broker broker;

    @Inject
    OutboxSweep sweep;

    @Inject
    Periodic periodic;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.poll-ms", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.confirm-timeout-ms", defaultValue = "5000")
    long confirmTimeoutMillis;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.retention-days", defaultValue = "7")
    int outboxRetentionDays;

    @Inject
    @ConfigProperty(name = "pizzeria.inbox.retention-days", defaultValue = "90")
    int inboxRetentionDays;

    private volatile Periodic.Task task;
    // used by the task's runs only, which never overlap
    private Connection sessionConnection;
    private Session session;
    private MessageProducer producer;
    private long lastPurge;

    public void start() {
        if (!broker.used()) {
            return;
        }
        metrics.gauge(Metadata.builder().withName("outbox.backlog")
                .withDescription("Messages written to the outbox and not yet confirmed by the broker").build(),
                sweep, s -> s.backlog()[0]);
        metrics.gauge(Metadata.builder().withName("outbox.oldest.age").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest unsent outbox message").build(),
                sweep, s -> s.backlog()[1]);
        task = periodic.every("outbox-relay", Duration.ofMillis(pollMillis), this::pass);
    }

    public void stop() {
        if (task != null) {
            task.cancel();
        }
        closeSession();
    }

    /** Something was committed to the outbox: publish now rather than at the next sweep. */
    public void wake() {
        Periodic.Task current = task;
        if (current != null) {
            current.wake();
        }
    }

    private void pass() {
        try {
            publishBacklog();
            purgeWhenDue();
        } catch (Exception e) {
            closeSession();
            throw new IllegalStateException("outbox relay pass failed, will retry", e);
        }
    }

    private void publishBacklog() throws Exception {
        OutboxSweep.Pass pass;
        do {
            Connection connection = broker.publishing();
            if (connection == null || broker.publishingBlocked()) {
                return;
            }
            ensureSession(connection);
            pass = sweep.publish(session, producer, batchSize, confirmTimeoutMillis);
            if (!pass.complete()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; retrying",
                        pass.taken() - pass.confirmed(), pass.taken());
                closeSession();
                return;
            }
        } while (pass.taken() == batchSize);
    }

    private void ensureSession(Connection connection) throws JMSException {
        if (session != null && sessionConnection == connection) {
            return;
        }
        closeSession();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        sessionConnection = connection;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing the relay session: {0}", e.getMessage());
            }
        }
        session = null;
        producer = null;
        sessionConnection = null;
    }

    private void purgeWhenDue() throws Exception {
        long now = System.currentTimeMillis();
        if (now - lastPurge >= PURGE_EVERY.toMillis()) {
            sweep.purge(outboxRetentionDays, inboxRetentionDays);
            lastPurge = now;
        }
    }
}
