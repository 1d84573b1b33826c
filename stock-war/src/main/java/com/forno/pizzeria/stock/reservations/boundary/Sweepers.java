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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reservations' sweepers, batch after batch until a batch comes back short:
 * <ul>
 * <li>every {@code stock.sweep.interval-ms} (2 s) it expires the holds whose time is up;</li>
 * <li>every {@code stock.settle.interval-ms} (250 ms) it applies the confirmed orders' sales to the ingredient rows,
 * many orders per lock of each ingredient (the commit itself leaves those rows alone).</li>
 * </ul>
 * Every instance runs both; they share the work through SKIP LOCKED (see Reservations), so two instances never
 * handle one reservation twice and never wait on each other.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweepers {

    private static final System.Logger LOG = System.getLogger(Sweepers.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SweepPasses passes;

    @Inject
    Outcomes outcomes;

    @Inject
    @ConfigProperty(name = "stock.sweep.interval-ms", defaultValue = "2000")
    long expiryIntervalMillis;

    @Inject
    @ConfigProperty(name = "stock.settle.interval-ms", defaultValue = "250")
    long settleIntervalMillis;

    @Inject
    @ConfigProperty(name = "stock.sweep.batch-size", defaultValue = "50")
    int batchSize;

    private List<ScheduledFuture<?>> tasks = List.of();

    @PostConstruct
    void start() {
        outcomes.register();
        tasks = List.of(
                every(expiryIntervalMillis, "expiring holds", batch -> passes.expire(batch)),
                every(settleIntervalMillis, "settling sales", batch -> passes.settle(batch)));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }

    private ScheduledFuture<?> every(long millis, String what, IntUnaryOperator pass) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                while (pass.applyAsInt(batchSize) == batchSize) {
                    LOG.log(Level.DEBUG, "{0}: a full batch; sweeping on", what);
                }
            } catch (RuntimeException e) {
                // an exception would end the schedule for good: report it and try again on the next pass
                LOG.log(Level.WARNING, what + " failed; trying again in " + millis + " ms", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
