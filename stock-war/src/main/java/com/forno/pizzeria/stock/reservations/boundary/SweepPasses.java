package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.stock.reservations.control.Reservations;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of a sweeper's work, in a transaction of its own (a failure loses one batch's work, not the sweeper). A
 * stateless EJB so that the transaction begins inside an EJB invocation: on a scheduler's thread, only then are
 * the outbox's DataSource connections enlisted in it (the EntityManager's own connection, shared).
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
