package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Topology;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Publishes the outbox, on its own thread, by two paths. A row this instance committed is handed over after the
 * commit and published from memory at once: no query, only the statement that marks it sent. Every
 * {@code pizzeria.outbox.poll-ms} a sweep publishes, from the table, whatever stayed unsent longer than
 * {@code pizzeria.outbox.sweep-grace-ms}: rows written while the broker was away, rows whose confirm did not come,
 * rows of a crashed instance. A row can go twice (a sweep may take one the other path is still publishing); the
 * consumers' inboxes absorb that. Exposes the backlog as the gauges {@code outbox_backlog} and
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
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.poll-ms", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "pizzeria.outbox.sweep-grace-ms", defaultValue = "2000")
    long sweepGraceMillis;

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
    /** Committed rows waiting for the relay; when full, a row waits in the table for the sweep instead. */
    private final BlockingQueue<OutboxSweep.Row> committed = new LinkedBlockingQueue<>(10_000);
    private final Map<String, RMQDestination> destinations = new ConcurrentHashMap<>();
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
        wakeups.release();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeSession();
    }

    /** {@code row} was committed: publish it now rather than at the next sweep. */
    public void committed(OutboxSweep.Row row) {
        committed.offer(row);
        wakeups.release();
    }

    private void run() {
        long nextSweep = 0;
        while (running) {
            try {
                wakeups.tryAcquire(Math.max(1, nextSweep - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                publishCommitted();
                if (System.currentTimeMillis() >= nextSweep) {
                    publishBacklog();
                    purgeWhenDue();
                    nextSweep = System.currentTimeMillis() + pollMillis;
                }
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

    /** The rows committed here since the last pass. Whatever fails stays unsent in the table, for the sweep. */
    private void publishCommitted() throws Exception {
        List<OutboxSweep.Row> rows = new ArrayList<>();
        while (committed.drainTo(rows, batchSize) > 0) {
            if (!ensureSession()) {
                committed.clear();
                return;
            }
            List<UUID> confirmed = publish(rows);
            sweep.markSent(confirmed, rows);
            if (confirmed.size() < rows.size()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; the sweep retries them",
                        rows.size() - confirmed.size(), rows.size());
                closeSession();
                return;
            }
            rows.clear();
        }
    }

    private void publishBacklog() throws Exception {
        OutboxSweep.Pass pass;
        do {
            if (!ensureSession()) {
                return;
            }
            pass = sweep.publishBacklog(this::publish, batchSize, sweepGraceMillis);
            if (!pass.complete()) {
                LOG.log(Level.WARNING, "{0} of {1} outbox messages not confirmed; retrying",
                        pass.taken() - pass.confirmed(), pass.taken());
                closeSession();
                pause();
                return;
            }
        } while (running && pass.taken() == batchSize);
    }

    /** Sends the rows and waits for the broker's confirms (up to the timeout): the ids it confirmed. */
    private List<UUID> publish(List<OutboxSweep.Row> rows) throws JMSException, InterruptedException {
        Map<UUID, CompletableFuture<Boolean>> confirms = new LinkedHashMap<>();
        for (OutboxSweep.Row row : rows) {
            var confirm = new CompletableFuture<Boolean>();
            confirms.put(row.id(), confirm);
            Message message = Envelopes.toMessage(session, row.message(), row.id().toString(), row.type(),
                    row.correlationId());
            producer.send(destination(row.routingKey()), message, new CompletionListener() {
                @Override
                public void onCompletion(Message sent) {
                    confirm.complete(true);
                }

                @Override
                public void onException(Message sent, Exception nack) {
                    confirm.complete(false);
                }
            });
        }
        try {
            CompletableFuture.allOf(confirms.values().toArray(CompletableFuture[]::new))
                    .get(confirmTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // some confirms did not come: only the confirmed rows count
        }
        List<UUID> confirmed = new ArrayList<>();
        confirms.forEach((id, confirm) -> {
            if (confirm.getNow(false)) {
                confirmed.add(id);
            }
        });
        return confirmed;
    }

    private RMQDestination destination(String routingKey) {
        return destinations.computeIfAbsent(routingKey, key -> new RMQDestination(key, Topology.EXCHANGE, key, null));
    }

    /** A session on the current connection; {@code false} while the broker is away. */
    private boolean ensureSession() throws JMSException {
        Connection connection = broker.connection();
        if (connection == null) {
            return false;
        }
        if (session == null || sessionConnection != connection) {
            closeSession();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(null);
            sessionConnection = connection;
        }
        return true;
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
