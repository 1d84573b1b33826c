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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes the outbox. A committed transaction hands its rows over ({@link #publish}) and they are published at once,
 * as written, with no transaction of the relay's: the database is only told afterwards, in bulk, which rows the
 * broker confirmed (every {@code pizzeria.outbox.mark-ms}, or sooner for a full batch). Every
 * {@code pizzeria.outbox.poll-ms} the sweep publishes, in a transaction, what is unsent and older than
 * {@code pizzeria.outbox.grace-ms}: rows written while the broker was away, rows of an instance that crashed before it
 * published or before it recorded them (those go twice; consumers take a message once). A {@link Periodic} task, so
 * that no failure (broker away, database away) ends it. It waits while the broker blocks the publishing connection
 * (a resource alarm). Exposes the backlog as the gauges {@code outbox_backlog} and {@code outbox_oldest_age_seconds}.
 * <p>
 * Why not a transaction per publish, as before: with a few messages per order on every instance, the relay's
 * lock-publish-mark transactions were about a fifth of an order's transactions (issue 16).
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

    /** How often the rows published at once are recorded as sent: one transaction for all of that time's rows. */
    @Inject
    @ConfigProperty(name = "pizzeria.outbox.mark-ms", defaultValue = "500")
    long markMillis;

    /** The sweep leaves younger rows to the relay of the instance that wrote them. */
    @Inject
    @ConfigProperty(name = "pizzeria.outbox.grace-ms", defaultValue = "5000")
    long graceMillis;

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
    private volatile boolean stopping;
    /** Rows committed here, waiting to be published. */
    private final Queue<OutboxSweep.Row> committed = new ConcurrentLinkedQueue<>();
    // used by the task's runs, which never overlap, and by stop() after them (all under this object's lock)
    final List<OutboxSweep.Row> confirmedUnmarked = new ArrayList<>();
    private long unmarkedSince;
    private long lastSweep;
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
        task = periodic.every("outbox-relay", Duration.ofMillis(Math.min(markMillis, pollMillis)), this::pass);
    }

    /**
     * No more runs; the rows the broker confirmed and the database was not yet told of are recorded now, once the run
     * in progress is over: else the sweep of another instance would send them again after the grace.
     */
    public void stop() {
        stopping = true;
        if (task != null) {
            task.cancel();
        }
        synchronized (this) {
            try {
                markConfirmed(true);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "the last confirmed outbox rows could not be recorded as sent; the sweep "
                        + "sends them again: {0}", String.valueOf(e));
            }
            closeSession();
        }
    }

    /** Rows a transaction committed, in the order it wrote them: published by the relay's next run, right now. */
    public void publish(List<OutboxSweep.Row> rows) {
        Periodic.Task current = task;
        if (current != null) {
            committed.addAll(rows);
            current.wake();
        }
    }

    // synchronized: stop() waits for the run in progress before it records the last confirmed rows
    private synchronized void pass() {
        if (stopping) {
            return; // a run that waited for stop(): the sweep of another instance takes what is left
        }
        try {
            publishCommitted();
            markConfirmed(false);
            long now = System.currentTimeMillis();
            if (now - lastSweep >= pollMillis) {
                lastSweep = now;
                publishBacklog();
                purgeWhenDue();
            }
        } catch (Exception e) {
            closeSession();
            throw new IllegalStateException("outbox relay pass failed, will retry", e);
        }
    }

    /**
     * Publishes what was committed here since the last run, in batches. While the broker is away or blocks, the rows
     * are left to the sweep; so are those whose confirm does not come.
     */
    private void publishCommitted() throws Exception {
        while (!committed.isEmpty() && !stopping) {
            Connection connection = broker.publishing();
            if (connection == null || broker.publishingBlocked()) {
                committed.clear();
                return;
            }
            ensureSession(connection);
            List<OutboxSweep.Row> batch = new ArrayList<>();
            for (OutboxSweep.Row row; batch.size() < batchSize && (row = committed.poll()) != null; ) {
                batch.add(row);
            }
            List<OutboxSweep.Row> confirmed = OutboxSweep.send(session, producer, batch, confirmTimeoutMillis);
            if (confirmedUnmarked.isEmpty()) {
                unmarkedSince = System.currentTimeMillis();
            }
            confirmedUnmarked.addAll(confirmed);
            if (confirmed.size() < batch.size()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; the sweep sends them again",
                        batch.size() - confirmed.size(), batch.size());
                closeSession();
                return;
            }
        }
    }

    /**
     * Records the confirmed rows as sent, once per {@code mark-ms} (or per full batch). Should that fail, they are
     * forgotten here: the sweep publishes them again after the grace, and consumers take them once.
     */
    private void markConfirmed(boolean now) throws Exception {
        if (confirmedUnmarked.isEmpty() || (!now && confirmedUnmarked.size() < batchSize
                && System.currentTimeMillis() - unmarkedSince < markMillis)) {
            return;
        }
        List<OutboxSweep.Row> rows = List.copyOf(confirmedUnmarked);
        confirmedUnmarked.clear();
        sweep.markSent(rows);
    }

    private void publishBacklog() throws Exception {
        OutboxSweep.Pass pass;
        do {
            Connection connection = broker.publishing();
            if (connection == null || broker.publishingBlocked()) {
                return;
            }
            ensureSession(connection);
            pass = sweep.publish(session, producer, batchSize, confirmTimeoutMillis, graceMillis);
            if (!pass.complete()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; retrying",
                        pass.taken() - pass.confirmed(), pass.taken());
                closeSession();
                return;
            }
        } while (pass.taken() == batchSize && !stopping);
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
