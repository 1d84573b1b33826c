package com.forno.pizzeria.contracts.integrations;

import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import java.util.List;
import java.util.UUID;

/** A partner places an order: priced from the menu like a web order; the same partnerOrderId is the same order. */
public record PlaceOrder(String partnerOrderId, List<Item> items, Customer customer, DeliveryAddress deliveryAddress,
                         Payment payment) {

    public record Item(UUID productId, Integer quantity) {
    }

    public record Customer(String name, String phone) {
    }

    /** {@code PREPAID} with the amount the partner collected, or {@code CARD} with a card token to authorise. */
    public record Payment(String method, Long amountCents, String cardToken) {
    }
}
