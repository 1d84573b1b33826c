package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.OrderLock;
import com.forno.pizzeria.payments.charges.entity.Payment;
import com.forno.pizzeria.platform.persistence.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The payments table and the per-order locks: finding, adding, locking; the payments that owe a void. */
@ApplicationScoped
public class Payments {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

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

    /**
     * Up to {@code batch} payments that owe a void by reference, longest owed first, locked until the caller's
     * transaction ends. SKIP LOCKED: two instances resolving at once take different payments and never wait.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Payment> owingVoid(int batch) {
        return em.createNativeQuery("""
                        select * from payments
                         where void_pending_since is not null
                         order by void_pending_since
                         limit ?
                           for update skip locked""", Payment.class)
                .setParameter(1, batch)
                .getResultList();
    }

    /**
     * How many payments owe a void by reference (all instances). Plain JDBC: a gauge asks, on the metrics
     * endpoint's thread, where no invocation of this application runs for an EntityManager to join.
     */
    public long owingVoid() {
        try (Connection db = dataSource.getConnection();
             Statement query = db.createStatement();
             ResultSet result = query.executeQuery("select count(*) from payments where void_pending_since is not null")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting the payments that owe a void failed", e);
        }
    }
}
