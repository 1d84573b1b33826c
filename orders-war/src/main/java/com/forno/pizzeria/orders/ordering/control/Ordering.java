package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.orders.ordering.control.OrderProblems.KeyReused;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderLine;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.orders.saga.control.SagaSettings;
import com.forno.pizzeria.orders.saga.control.SagaStep;
import com.forno.pizzeria.platform.addresses.Address;
import com.forno.pizzeria.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Taking orders and reading them. Placing one starts the saga ({@link Saga#start}): ReserveStock leaves with it. */
@ApplicationScoped
public class Ordering {

    @PersistenceContext
    EntityManager em;

    @Inject
    Saga saga;

    @Inject
    SagaSettings sagaSettings;

    Clock clock = Clock.systemUTC();

    /** Stores the order (PENDING) and, in the same transaction, asks stock to hold its ingredients. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Order place(UUID customer, String idempotencyKey, String requestHash, List<OrderLine> lines,
                       Address deliveryAddress, String cardToken) {
        Instant now = now();
        Order order = new Order(customer, idempotencyKey, requestHash, lines, deliveryAddress, cardToken, now,
                firstAnswerDue(now));
        em.persist(order);
        em.flush(); // a concurrent replay with the same key fails here, on the unique (customer, key)
        saga.start(order);
        return order;
    }

    /**
     * A partner's order, in the transaction of the message that placed it (with its inbox row): stored PENDING, and
     * stock asked to hold its ingredients, as a web order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order placeForPartner(String partner, UUID partnerCustomer, String partnerOrderId, String requestHash,
                                 List<OrderLine> lines, Address deliveryAddress, String customerName,
                                 String customerPhone, boolean prepaid, String cardToken) {
        Instant now = now();
        Order order = Order.fromPartner(partner, partnerCustomer, partnerOrderId, requestHash, lines, deliveryAddress,
                customerName, customerPhone, prepaid, cardToken, now, firstAnswerDue(now));
        em.persist(order);
        em.flush(); // the unique (partner, partner_order_id) is the last guard against a second order
        saga.start(order);
        return order;
    }

    public Optional<Order> byPartnerOrder(String partner, String partnerOrderId) {
        return byUniquePair("partner", partner, "partnerOrderId", partnerOrderId);
    }

    public Optional<Order> find(UUID id) {
        return Optional.ofNullable(em.find(Order.class, id));
    }

    /**
     * The order, read in a transaction of its own: for answers built off the request thread, where the container's
     * transaction-less EntityManager can be closed under the reader (seen under load).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Order reread(UUID id) {
        return em.find(Order.class, id);
    }

    /**
     * The order this customer already placed with this Idempotency-Key, when the request is the same one again (a
     * client's retry: answered with that order, nothing placed twice); a key used before for another request is
     * refused ({@link KeyReused}); empty when the key is new.
     */
    public Optional<Order> placedBefore(UUID customer, String idempotencyKey, String fingerprint) {
        return byIdempotencyKey(customer, idempotencyKey).map(first -> {
            if (!first.sameRequest(fingerprint)) {
                throw new KeyReused();
            }
            return first;
        });
    }

    /**
     * {@link #placedBefore} in a transaction of its own, for a request that lost the race for its key: after its
     * failed transaction, the request thread's transaction-less EntityManager was seen closed under the query (500
     * "closed EntityManager" under load, PlacingIT's concurrent replays).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Order> placedBeforeByTheWinner(UUID customer, String idempotencyKey, String fingerprint) {
        return placedBefore(customer, idempotencyKey, fingerprint);
    }

    private Optional<Order> byIdempotencyKey(UUID customer, String idempotencyKey) {
        return byUniquePair("customerId", customer, "idempotencyKey", idempotencyKey);
    }

    /** The order whose two fields hold these values: they are unique together, so one or none. */
    private Optional<Order> byUniquePair(String field, Object value, String otherField, Object otherValue) {
        return em.createQuery("select o from Order o where o." + field + " = :" + field
                        + " and o." + otherField + " = :" + otherField, Order.class)
                .setParameter(field, value)
                .setParameter(otherField, otherValue)
                .getResultStream().findFirst();
    }

    /** Stock's answer to the ReserveStock that leaves with a new order is due after the step's timeout. */
    private Instant firstAnswerDue(Instant now) {
        return SagaStep.RESERVE_STOCK.answerDue(sagaSettings, now);
    }

    /**
     * A customer's own orders, newest first, from the write side, so that one placed a moment ago is there (the
     * staff's lists of everyone's come from the read side: reporting).
     */
    public Page<Order> list(UUID customer, OrderStatus status, Instant from, Instant to, int limit, int offset) {
        StringBuilder where = new StringBuilder(" from Order o where o.customerId = :customer");
        if (status != null) {
            where.append(" and o.status = :status");
        }
        if (from != null) {
            where.append(" and o.createdAt >= :from");
        }
        if (to != null) {
            where.append(" and o.createdAt < :to");
        }
        var count = bind(em.createQuery("select count(o)" + where, Long.class), customer, status, from, to);
        var items = bind(em.createQuery("select o" + where + " order by o.createdAt desc, o.id", Order.class),
                customer, status, from, to);
        return new Page<>(items.setFirstResult(offset).setMaxResults(limit).getResultList(), count.getSingleResult(),
                limit, offset);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, UUID customer, OrderStatus status, Instant from, Instant to) {
        query.setParameter("customer", customer);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
