package com.forno.pizzeria.platform.messaging;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Applies one message in one new JTA transaction: the inbox row and the handler's effect, or neither.
 * <p>
 * An EJB, not a CDI {@code @Transactional} bean: the consumers call it on the messaging client's threads, whose
 * context was captured in the platform's start-up singleton. There Payara did begin the CDI transaction but did not
 * enlist the datasource's connections in it (they stayed in auto-commit), so a failed handler left its inbox row
 * committed and the redelivery was taken for a duplicate: the message was lost. An EJB invocation always enlists.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Deliveries {

    /** The handler failed: everything the delivery did is rolled back, and the consumer has the message redelivered. */
    @ApplicationException(rollback = true)
    public static class HandlerFailed extends Exception {

        HandlerFailed(Envelope message, Exception cause) {
            super("handling " + message.type() + " " + message.id() + " failed: " + cause, cause);
        }
    }

    @Inject
    Inbox inbox;

    /** {@code true} if applied now, {@code false} if it had been applied before; throws (and rolls back) on failure. */
    public boolean apply(Envelope message, MessageHandler handler) throws HandlerFailed {
        if (!inbox.firstDelivery(message)) {
            return false;
        }
        RequestIds.set(message.requestId());
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new HandlerFailed(message, e);
        } finally {
            RequestIds.clear();
        }
        return true;
    }
}
