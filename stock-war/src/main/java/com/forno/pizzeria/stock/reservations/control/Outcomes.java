package com.forno.pizzeria.stock.reservations.control;

import com.forno.pizzeria.platform.persistence.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Counts what happened to reservations: {@code stock.reservations{outcome}} and, for rejections,
 * {@code stock.reservations.rejected{reason}}. A count is made when its transaction commits: a handler that rolls
 * back and runs again counts once.
 */
@ApplicationScoped
public class Outcomes {

    public static final String RESERVED = "reserved";
    public static final String REJECTED = "rejected";
    public static final String COMMITTED = "committed";
    public static final String RELEASED = "released";
    public static final String EXPIRED = "expired";
    /** an expired hold held again and sold, for a confirmation that came after it expired */
    public static final String RECOMMITTED = "recommitted";
    /** a confirmation stock could not honour (ReservationLost): the order is cancelled after it was confirmed */
    public static final String LOST = "lost";

    static final String OUTCOMES = "stock.reservations";
    static final String REJECTIONS = "stock.reservations.rejected";

    private static final Metadata OUTCOME_METADATA = Metadata.builder().withName(OUTCOMES)
            .withDescription("Reservations by outcome: reserved, rejected, committed, released, expired, recommitted,"
                    + " lost").build();
    private static final Metadata REJECTION_METADATA = Metadata.builder().withName(REJECTIONS)
            .withDescription("Rejected reservations by reason").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Registers every outcome at 0, so that rates and alerts work before the first order; called at start-up
     * (see Sweepers), harmless again.
     */
    public void register() {
        List.of(RESERVED, REJECTED, COMMITTED, RELEASED, EXPIRED, RECOMMITTED, LOST)
                .forEach(outcome -> metrics.counter(OUTCOME_METADATA, new Tag("outcome", outcome)));
        List.of(Reservations.OUT_OF_STOCK, Reservations.PRODUCT_UNAVAILABLE)
                .forEach(reason -> metrics.counter(REJECTION_METADATA, new Tag("reason", reason)));
    }

    public void count(String outcome, long times) {
        afterCommit(() -> metrics.counter(OUTCOME_METADATA, new Tag("outcome", outcome)).inc(times));
    }

    public void rejected(String reason) {
        count(REJECTED, 1);
        afterCommit(() -> metrics.counter(REJECTION_METADATA, new Tag("reason", reason)).inc());
    }

    private void afterCommit(Runnable count) {
        AfterCommit.run(transactions, count);
    }
}
