package com.forno.pizzeria.platform.scheduling;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.IntUnaryOperator;

/**
 * One batch of a {@link Periodic} task's work in a transaction of its own: a failure loses that batch's work, not
 * the task, and what a batch locks (SKIP LOCKED for another instance) stays locked until it commits. A stateless
 * EJB because periodic work runs on a scheduler's thread, where the platform begins its transactions in EJB
 * invocations ({@code Deliveries}, {@code OutboxSweep}): a CDI {@code @Transactional} transaction begun on such a
 * thread once left the DataSource's connections in auto-commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Batches {

    /** Runs {@code batch} for up to {@code size} items in a new transaction; returns how many it did. */
    public int run(IntUnaryOperator batch, int size) {
        return batch.applyAsInt(size);
    }
}
