package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.orders.ordering.entity.Order;
import java.util.List;

/** An order's lines as the events carry them. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public static List<OrderLine> lines(Order order) {
        return order.lines().stream()
                .map(line -> new OrderLine(line.productId(), line.name(), line.quantity(), line.unitPriceCents()))
                .toList();
    }
}
