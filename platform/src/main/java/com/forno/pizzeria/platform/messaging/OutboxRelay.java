package com.forno.pizzeria.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes the outbox: woken after every commit that wrote to it, and sweeping every
 * {@code pizzeria.outbox.poll-ms} anyway (rows written while the broker was away, rows of a crashed instance).
 * Exposes the backlog as the gauges {@code outbox_backlog} and {@code outbox_oldest_age_seconds}.
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
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threads;

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

    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Connection sessionConnection;
    private Session session;
    private MessageProducer producer;
    private long lastPurge;

    public void start() {
        metrics.gauge(Metadata.builder().withName("outbox.backlog")
                .withDescription("Messages written to the outbox and not yet confirmed by the broker").build(),
                sweep, s -> s.backlog()[0]);
        metrics.gauge(Metadata.builder().withName("outbox.oldest.age").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest unsent outbox message").build(),
                sweep, s -> s.backlog()[1]);
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("outbox-relay");
        thread.start();
    }

    public void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeSession();
    }

    /** Something was committed to the outbox: publish now rather than at the next sweep. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                wakeups.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                publishBacklog();
                purgeWhenDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "outbox relay pass failed, will retry: {0}", e.toString());
                closeSession();
                pause();
            }
        }
    }

    private void publishBacklog() throws Exception {
        OutboxSweep.Pass pass;
        do {
            Connection connection = broker.connection();
            if (connection == null) {
                return;
            }
            ensureSession(connection);
            pass = sweep.publish(session, producer, batchSize, confirmTimeoutMillis);
            if (!pass.complete()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; retrying",
                        pass.taken() - pass.confirmed(), pass.taken());
                closeSession();
                pause();
                return;
            }
        } while (running && pass.taken() == batchSize);
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

    private void pause() {
        try {
            wakeups.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
