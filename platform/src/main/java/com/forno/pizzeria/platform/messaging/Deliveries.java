package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Applies one message in one new JTA transaction: the inbox row and the handler's effect, or neither. */
@ApplicationScoped
public class Deliveries {

    @Inject
    Inbox inbox;

    /** {@code true} if applied now, {@code false} if it had been applied before; throws (and rolls back) on failure. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public boolean apply(Envelope message, MessageHandler handler) throws Exception {
        if (!inbox.firstDelivery(message)) {
            return false;
        }
        RequestIds.set(message.requestId());
        try {
            handler.handle(message);
        } finally {
            RequestIds.clear();
        }
        return true;
    }
}
