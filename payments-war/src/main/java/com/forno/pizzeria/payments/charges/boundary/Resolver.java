package com.forno.pizzeria.payments.charges.boundary;

import com.forno.pizzeria.payments.charges.control.PaymentMetrics;
import com.forno.pizzeria.payments.charges.control.UnknownOutcomes;
import com.forno.pizzeria.platform.Platform;
import com.forno.pizzeria.platform.scheduling.Batches;
import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets the owed voids by reference through: every {@code payments.unresolved.retry-ms} (30 s) it voids, batch after
 * batch of {@code payments.unresolved.batch-size} (20), the references of declined payments whose authorisation had
 * an unknown outcome and whose first void failed, until the processor confirms each. Every instance runs it; they
 * share the work through SKIP LOCKED. Registers the {@code payments_unresolved} gauge (payments still owing one);
 * the platform's {@link Periodic} counts failed passes ({@code periodic_task_failures_total{task="unresolved-payments"}}).
 */
@Startup
@Singleton
@DependsOn(Platform.NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Resolver {

    static final String TASK = "unresolved-payments";

    @Inject
    Periodic periodic;

    @Inject
    Batches batches;

    @Inject
    UnknownOutcomes unknownOutcomes;

    @Inject
    PaymentMetrics metrics;

    @Inject
    @ConfigProperty(name = "payments.unresolved.retry-ms", defaultValue = "30000")
    long retryMillis;

    @Inject
    @ConfigProperty(name = "payments.unresolved.batch-size", defaultValue = "20")
    int batchSize;

    private Periodic.Task task;

    @PostConstruct
    void start() {
        metrics.watchUnresolved(unknownOutcomes::owed);
        task = periodic.every(TASK, Duration.ofMillis(retryMillis), this::resolveAll);
    }

    /** Batch after batch while every payment of a batch was voided (there may be more); a short one ends the run. */
    private void resolveAll() {
        int voided;
        do {
            voided = batches.run(unknownOutcomes::resolveOwed, batchSize);
        } while (voided == batchSize);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel();
        }
    }
}
