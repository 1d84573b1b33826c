package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.stock.reservations.control.Reservations;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of a sweeper's work, in a transaction of its own (a failure loses one batch's work, not the sweeper),
 * which {@link Reservations} joins. A stateless EJB because the sweepers call it on a scheduler's thread (a
 * {@code Periodic} task), where the platform begins its own transactions in EJB invocations too ({@code Deliveries},
 * {@code OutboxSweep}: a CDI {@code @Transactional} transaction begun on such a thread once left the DataSource's
 * connections in auto-commit). What a pass writes, the outbox rows included, goes through the EntityManager.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SweepPasses {

    @Inject
    Reservations reservations;

    /** Expires up to {@code batch} holds whose time is up; returns how many. */
    public int expire(int batch) {
        return reservations.expireDue(batch);
    }

    /** Applies up to {@code batch} confirmed sales to the ingredients; returns how many. */
    public int settle(int batch) {
        return reservations.settleSales(batch);
    }
}
