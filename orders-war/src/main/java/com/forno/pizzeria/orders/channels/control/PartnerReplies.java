package com.forno.pizzeria.orders.channels.control;

import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.integrations.OrderAccepted;
import com.forno.pizzeria.contracts.integrations.OrderRejected;
import com.forno.pizzeria.contracts.integrations.OrderRejected.Violation;
import com.forno.pizzeria.contracts.integrations.OrderStatusChanged;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.orders.ordering.control.OrderEvents.OrderStepped;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.TimelineEntry;
import com.forno.pizzeria.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * What a partner hears on its replies queue, sent through the outbox in the transaction of the step it tells of, so
 * in the order of the order's steps. Exactly one final reply per order: {@link OrderAccepted} when confirmed, or
 * {@link OrderRejected} when refused (invalid, price mismatch, out of stock, payment declined, cancelled or expired
 * before confirmation); every other step is an {@link OrderStatusChanged} (PENDING and AWAITING_PAYMENT before the
 * decision, the kitchen's steps and a cancellation after it).
 */
@ApplicationScoped
public class PartnerReplies {

    /** Why a message went to its partner's dead-letter queue: an AMQP header on the dead letter. */
    public static final String REASON_HEADER = "reason";

    @Inject
    Outbox outbox;

    @Inject
    PartnerMetrics metrics;

    void onStep(@Observes OrderStepped stepped) {
        Order order = stepped.order();
        if (order.partner() == null) {
            return;
        }
        TimelineEntry entry = order.timeline().get(order.timeline().size() - 1);
        String reason = entry.reason() == null ? null : entry.reason().name();
        switch (entry.status()) {
            case CONFIRMED -> {
                send(order.partner(), order.partnerOrderId(), new OrderAccepted(order.partnerOrderId(), order.id()));
                metrics.accepted(order.partner());
            }
            case REJECTED -> reject(order, reason);
            case CANCELLED -> {
                if (order.everConfirmed()) {
                    changed(order, entry, reason);
                } else {
                    reject(order, reason);
                }
            }
            default -> changed(order, entry, reason);
        }
    }

    /** A message refused before any order was made (INVALID, PRICE_MISMATCH). */
    public void refuse(String partner, String partnerOrderId, String reason, List<Violation> violations) {
        send(partner, partnerOrderId, new OrderRejected(partnerOrderId, null, reason,
                violations == null || violations.isEmpty() ? null : violations, null));
        metrics.rejected(partner, reason);
    }

    /** The order's current status again, with why a cancel it asked for was refused. */
    public void cancelRefused(Order order, String why) {
        send(order.partner(), order.partnerOrderId(), new OrderStatusChanged(order.partnerOrderId(), order.id(),
                order.status().name(), why, order.timeline().get(order.timeline().size() - 1).at()));
    }

    /** A message that cannot be answered (it names no order) goes to the partner's dead letters, with the reason. */
    public void deadLetter(String partner, String type, String body, String reason) {
        outbox.sendBare(Topology.DEAD_LETTER_EXCHANGE, Partners.orders(partner).name(),
                type == null ? "Unknown" : type, null, body == null ? "" : body, Map.of(REASON_HEADER, reason));
        metrics.rejected(partner, "DEAD_LETTER");
    }

    private void reject(Order order, String reason) {
        send(order.partner(), order.partnerOrderId(), new OrderRejected(order.partnerOrderId(), order.id(), reason,
                null, order.shortages().isEmpty() ? null : order.shortages()));
        metrics.rejected(order.partner(), reason);
    }

    private void changed(Order order, TimelineEntry entry, String reason) {
        OrderStatus status = entry.status();
        send(order.partner(), order.partnerOrderId(), new OrderStatusChanged(order.partnerOrderId(), order.id(),
                status.name(), reason, entry.at()));
    }

    private void send(String partner, String partnerOrderId, Record reply) {
        outbox.sendBare(Partners.REPLIES_EXCHANGE, partner, reply.getClass().getSimpleName(), partnerOrderId,
                Json.toJson(reply), null);
    }
}
