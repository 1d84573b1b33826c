package com.forno.pizzeria.stock.reservations.boundary;

import com.forno.pizzeria.stock.reservations.control.Reservations;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of expired holds, in a transaction of its own (a failure loses one batch's work, not the sweeper). A
 * stateless EJB so that the transaction begins inside an EJB invocation: on a scheduler's thread, only then are
 * the outbox's DataSource connections enlisted in it (the EntityManager's own connection, shared).
 */
@Stateless
public class ExpiryPass {

    @Inject
    Reservations reservations;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expire(int batch) {
        return reservations.expireDue(batch);
    }
}
