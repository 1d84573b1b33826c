package com.forno.pizzeria.payments.charges.boundary;

import com.forno.pizzeria.payments.charges.control.UnknownOutcomes;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of the {@link Resolver}'s work, in a transaction of its own: the payments it takes stay locked (SKIP
 * LOCKED for another instance) while their voids are asked of the processor, and their outcome commits together.
 * A stateless EJB so that the transaction begins inside an EJB invocation: on a scheduler's thread, only then are
 * the datasource's connections enlisted in it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ResolverPasses {

    @Inject
    UnknownOutcomes unknownOutcomes;

    /** Tries the owed voids of up to {@code batch} payments; returns how many went through. */
    public int resolve(int batch) {
        return unknownOutcomes.resolveOwed(batch);
    }
}
