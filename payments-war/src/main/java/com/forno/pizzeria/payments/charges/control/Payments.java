package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.OrderLock;
import com.forno.pizzeria.payments.charges.entity.Payment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The payments table and the per-order locks: finding, adding, locking. */
@ApplicationScoped
public class Payments {

    @PersistenceContext
    EntityManager em;

    /**
     * Locks the order until the caller's transaction ends, creating its row on the order's first mention. Never
     * fails on a race: a concurrent first mention waits for the other insert and then finds its row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderLock lock(UUID orderId) {
        em.createNativeQuery("insert into order_locks (order_id) values (?) on conflict do nothing")
                .setParameter(1, orderId)
                .executeUpdate();
        return em.find(OrderLock.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The payments of an order, oldest first (today at most one: a repeated authorisation replays the first). */
    public List<Payment> ofOrder(UUID orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :order order by p.createdAt, p.id", Payment.class)
                .setParameter("order", orderId)
                .getResultList();
    }

    public Optional<Payment> find(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Payment payment) {
        em.persist(payment);
    }
}
