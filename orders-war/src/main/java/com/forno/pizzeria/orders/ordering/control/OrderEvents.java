package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.orders.OrderRejected;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.orders.ordering.entity.TimelineEntry;
import com.forno.pizzeria.platform.addresses.PostalAddress;
import com.forno.pizzeria.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Every entry of an order's timeline leaves as exactly one event, in the transaction that wrote it (outbox): the
 * first as {@link OrderCreated}, a decision as {@link OrderConfirmed}, {@link OrderRejected} or
 * {@link OrderCancelled}, any other step as {@link OrderStatusChanged}. The read side (reports) is built from these
 * and, when rebuilt, from {@link #of} the same entries read back from the orders.
 */
@ApplicationScoped
public class OrderEvents {

    @Inject
    Outbox outbox;

    @Inject
    Event<OrderStepped> stepped;

    /** Sent, in the transaction of the step, after the event of each new timeline entry (partners' replies hear it). */
    public record OrderStepped(Order order) {
    }

    /** Sends the event of the order's newest timeline entry. */
    public void announce(Order order) {
        outbox.send(of(order, order.timeline().size() - 1), order.id());
        stepped.fire(new OrderStepped(order));
    }

    /** The event of the order's timeline entry {@code seq}. */
    public static Record of(Order order, int seq) {
        TimelineEntry entry = order.timeline().get(seq);
        String reason = entry.reason() == null ? null : entry.reason().name();
        return switch (entry.status()) {
            case PENDING -> new OrderCreated(order.id(), order.customerId(), lines(order), order.totalCents(),
                    entry.at(), address(order), order.channel(), order.partner());
            case CONFIRMED -> new OrderConfirmed(order.id(), order.customerId(), lines(order), order.totalCents(),
                    entry.at(), seq);
            case REJECTED -> new OrderRejected(order.id(), order.customerId(), reason, order.shortages(), entry.at(),
                    seq);
            case CANCELLED -> new OrderCancelled(order.id(), order.customerId(), reason, entry.at(), seq,
                    entry.reason() == Reason.PAYMENT_DECLINED ? order.paymentReason() : null,
                    entry.reason() == Reason.OUT_OF_STOCK ? order.shortages() : null);
            case AWAITING_PAYMENT, PREPARING, OUT_FOR_DELIVERY, DELIVERED ->
                    new OrderStatusChanged(order.id(), order.customerId(), entry.status().name(), entry.at(), seq);
        };
    }

    public static List<OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLine(line.productId(), line.name(), line.quantity(), line.unitPriceCents()))
                .toList();
    }

    private static DeliveryAddress address(Order order) {
        if (order.deliveryAddress() == null) {
            return null;
        }
        PostalAddress a = order.deliveryAddress().toPostalAddress();
        return new DeliveryAddress(a.street(), a.number(), a.complement(), a.district(), a.city(), a.state(),
                a.postalCode());
    }
}
