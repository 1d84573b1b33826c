package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The ids of the messages this service has applied. Recording an id shares the transaction of the message's
 * effect, so "applied" and "recorded" commit or roll back together. The primary key makes a concurrent duplicate
 * (two instances given the same message) wait for the first and then find it. Written through the EntityManager,
 * on the transaction's one connection (see {@link Outbox}).
 */
@ApplicationScoped
public class Inbox {

    @PersistenceContext
    EntityManager em;

    /** Records the message; {@code false} when it was already applied (a redelivery or a duplicate publish). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(Envelope message) {
        return em.createNativeQuery("insert into inbox (message_id, type) values (?, ?) on conflict do nothing")
                .setParameter(1, message.id())
                .setParameter(2, message.type())
                .executeUpdate() == 1;
    }
}
