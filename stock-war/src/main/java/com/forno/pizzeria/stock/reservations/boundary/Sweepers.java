package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Batches;
import com.forno.pizzeria.platform.scheduling.Periodic;
import com.forno.pizzeria.stock.reservations.control.Outcomes;
import com.forno.pizzeria.stock.reservations.control.Reservations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
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
 * handle one reservation twice and never wait on each other. Both are {@link Periodic} tasks: a pass that fails
 * (the database away) is counted, and the next comes on time. Each batch is a transaction of its own
 * ({@link Batches}), which {@link Reservations} joins.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Sweepers {

    private static final System.Logger LOG = System.getLogger(Sweepers.class.getName());

    @Inject
    Periodic periodic;

    @Inject
    Batches batches;

    @Inject
    Reservations reservations;

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

    @PostConstruct
    void start() {
        outcomes.register();
        every(expiryIntervalMillis, "expiring-holds", reservations::expireDue);
        every(settleIntervalMillis, "settling-sales", reservations::settleSales);
    }

    /** Every {@code millis}, batch after batch (each in its own transaction) until one comes back short. */
    private void every(long millis, String name, IntUnaryOperator pass) {
        periodic.every(name, Duration.ofMillis(millis), () -> {
            while (batches.run(pass, batchSize) == batchSize) {
                LOG.log(Level.DEBUG, "{0}: a full batch; sweeping on", name);
            }
        });
    }
}
