package com.forno.pizzeria.orders.saga.boundary;

import com.forno.pizzeria.orders.saga.control.DecisionNotices;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.orders.saga.control.SagaSettings;
import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Every {@code orders.saga.sweep-ms} the saga's sweeper looks for orders whose answer is overdue (both orders
 * instances sweep; each skips the rows the other holds). A {@link Periodic} task, not an EJB timer: Payara expunges
 * an interval timer after two failed deliveries, and a database outage then stopped the sweeper for good. Also
 * starts listening for decision notices.
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
public class SagaSweeper {

    private static final System.Logger LOG = System.getLogger(SagaSweeper.class.getName());
    private static final int BATCH = 50;

    @Inject
    Saga saga;

    @Inject
    DecisionNotices notices;

    @Inject
    SagaSettings settings;

    @Resource
    SessionContext context;

    @Inject
    Periodic periodic;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        notices.listen();
        // through the container, so that each pass is an invocation with a transaction of its own
        SagaSweeper self = context.getBusinessObject(SagaSweeper.class);
        periodic.every("saga-sweeper", settings.sweepEvery(), self::sweep);
    }

    /**
     * One batch per pass, in a transaction of its own (this EJB begins it, as {@code Deliveries} does for a message;
     * the saga joins it): its row locks (FOR UPDATE SKIP LOCKED) hold until the commit,
     * so the other instance's sweeper skips these orders.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sweep() {
        int handled = saga.sweep(BATCH);
        if (handled > 0) {
            LOG.log(Level.INFO, "the saga sweeper handled {0} overdue order(s)", handled);
        }
    }
}
