package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
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

    @Inject
    Periodic periodic;

    @Inject
    SoldOutLift lift;

    @Inject
    @ConfigProperty(name = "stock.sweep.interval-ms", defaultValue = "2000")
    long intervalMillis;

    @Inject
    @ConfigProperty(name = "stock.sweep.batch-size", defaultValue = "50")
    int batchSize;

    @PostConstruct
    void start() {
        periodic.every("lifting-sold-outs", Duration.ofMillis(intervalMillis), this::sweep);
    }

    private void sweep() {
        while (lift.liftDue(batchSize) == batchSize) {
            LOG.log(Level.DEBUG, "a full batch of manual 86s lifted; sweeping on");
        }
    }
}
