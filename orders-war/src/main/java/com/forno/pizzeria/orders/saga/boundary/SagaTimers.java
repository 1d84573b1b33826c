package com.forno.pizzeria.orders.saga.boundary;

import com.forno.pizzeria.orders.saga.control.DecisionNotices;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.platform.Platform;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code orders.saga.sweep-ms} the saga's sweeper looks for orders whose answer is overdue (both orders
 * instances sweep; each skips the rows the other holds). Also starts listening for decision notices.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
public class SagaTimers {

    private static final System.Logger LOG = System.getLogger(SagaTimers.class.getName());
    private static final int BATCH = 50;

    @Inject
    Saga saga;

    @Inject
    DecisionNotices notices;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "orders.saga.sweep-ms", defaultValue = "2000")
    long sweepMillis;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        notices.listen();
        timers.createIntervalTimer(sweepMillis, sweepMillis, new TimerConfig("saga-sweeper", false));
    }

    /**
     * One batch per tick, in this EJB's own container transaction: its row locks (FOR UPDATE SKIP LOCKED) hold
     * until the commit, so the other instance's sweeper skips these orders.
     */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void sweep() {
        int handled = saga.sweep(BATCH);
        if (handled > 0) {
            LOG.log(Level.INFO, "the saga sweeper handled {0} overdue order(s)", handled);
        }
    }
}
