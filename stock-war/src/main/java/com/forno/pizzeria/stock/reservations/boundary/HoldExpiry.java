package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.stock.reservations.control.Outcomes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sweeper: every {@code stock.sweep.interval-ms} it expires the holds whose time is up, batch after batch.
 * Every instance runs one; they share the work through SKIP LOCKED (see Reservations.expireDue), so two instances
 * never expire one hold twice and never wait on each other.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HoldExpiry {

    private static final System.Logger LOG = System.getLogger(HoldExpiry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ExpiryPass pass;

    @Inject
    Outcomes outcomes;

    @Inject
    @ConfigProperty(name = "stock.sweep.interval-ms", defaultValue = "2000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "stock.sweep.batch-size", defaultValue = "50")
    int batchSize;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        outcomes.register();
        task = scheduler.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void sweep() {
        try {
            while (pass.expire(batchSize) == batchSize) {
                LOG.log(Level.DEBUG, "a full batch of holds expired; sweeping on");
            }
        } catch (RuntimeException e) {
            // an exception would end the schedule for good: report it and try again on the next pass
            LOG.log(Level.WARNING, "expiring holds failed; trying again in " + intervalMillis + " ms", e);
        }
    }
}
