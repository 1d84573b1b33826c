package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.control.Products;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of expired manual 86s, in a transaction of its own (a failure loses one batch's work, not the sweeper). A
 * stateless EJB so that the transaction begins inside an EJB invocation: on a scheduler's thread, only then are
 * the outbox's DataSource connections enlisted in it (the EntityManager's own connection, shared).
 */
@Stateless
public class SoldOutLift {

    @Inject
    Products products;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int liftDue(int batch) {
        return products.liftExpiredSoldOuts(batch);
    }
}
