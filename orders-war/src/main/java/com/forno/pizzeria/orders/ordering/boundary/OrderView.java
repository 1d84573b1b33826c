package com.forno.pizzeria.orders.ordering.boundary;

import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.orders.reporting.control.OrderSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.platform.addresses.PostalAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as API.md shows it, with its timeline. */
public record OrderView(UUID id, UUID customerId, String status, String reason, List<Shortage> shortages,
                        List<Item> items, long totalCents, String currency, PostalAddress deliveryAddress,
                        List<Step> timeline, Instant createdAt) {

    // one schema name per record in the OpenAPI document: OrderRequest has an Item too
    @Schema(name = "OrderLine")
    public record Item(UUID productId, String name, int quantity, long unitPriceCents) {
    }

    // named: the read side has a Step of its own
    @Schema(name = "Step")
    public record Step(String status, Instant at, String reason) {
    }

    public static OrderView from(Order order) {
        return new OrderView(order.id(), order.customerId(), order.status().name(), name(order.reason()),
                order.shortages().isEmpty() ? null : order.shortages(),
                order.lines().stream().map(l -> new Item(l.productId(), l.name(), l.quantity(), l.unitPriceCents())).toList(),
                order.totalCents(), order.currency(),
                order.deliveryAddress() == null ? null : order.deliveryAddress().toPostalAddress(),
                order.timeline().stream().map(t -> new Step(t.status().name(), t.at(), name(t.reason()))).toList(),
                order.createdAt());
    }

    /** An order as the read side has it (the staff's lists): the same view, as fresh as the read model. */
    public static OrderView from(OrderSummary summary) {
        DeliveryAddress a = summary.deliveryAddress();
        return new OrderView(summary.orderId(), summary.customerId(), summary.status(), summary.reason(),
                summary.shortages().isEmpty() ? null : summary.shortages(),
                summary.items().stream().map(l -> new Item(l.productId(), l.name(), l.quantity(), l.unitPriceCents()))
                        .toList(),
                summary.totalCents(), "BRL",
                a == null ? null : new PostalAddress(a.street(), a.number(), a.complement(), a.district(), a.city(),
                        a.state(), a.postalCode()),
                summary.timeline().stream().map(t -> new Step(t.status(), t.at(), t.reason())).toList(),
                summary.createdAt());
    }

    private static String name(Reason reason) {
        return reason == null ? null : reason.name();
    }
}
