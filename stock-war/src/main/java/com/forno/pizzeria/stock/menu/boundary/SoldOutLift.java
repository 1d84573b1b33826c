package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.stock.menu.control.Products;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * One batch of expired manual 86s, in a transaction of its own (a failure loses one batch's work, not the sweeper). A
 * stateless EJB because the sweeper calls it on a scheduler's thread (a {@code Periodic} task), where the platform
 * begins its own transactions in EJB invocations too ({@code Deliveries}, {@code OutboxSweep}: a CDI
 * {@code @Transactional} transaction begun on such a thread once left the DataSource's connections in auto-commit).
 * What a batch writes, the outbox rows included, goes through the EntityManager.
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
