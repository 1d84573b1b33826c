package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.platform.Platform;
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
 * Lifts manual 86s whose time is up, every {@code stock.sweep.interval-ms}. The menu already ignores an 86 past its
 * end; lifting it here is what announces the product's return (ProductAvailabilityChanged), once, whichever
 * instance gets there first (SKIP LOCKED).
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SoldOutExpiry {

    private static final System.Logger LOG = System.getLogger(SoldOutExpiry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SoldOutLift lift;

    @Inject
    @ConfigProperty(name = "stock.sweep.interval-ms", defaultValue = "2000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "stock.sweep.batch-size", defaultValue = "50")
    int batchSize;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void sweep() {
        try {
            while (lift.liftDue(batchSize) == batchSize) {
                LOG.log(Level.DEBUG, "a full batch of manual 86s lifted; sweeping on");
            }
        } catch (RuntimeException e) {
            // an exception would end the schedule for good: report it and try again on the next pass
            LOG.log(Level.WARNING, "lifting expired manual 86s failed; trying again in " + intervalMillis + " ms", e);
        }
    }
}
