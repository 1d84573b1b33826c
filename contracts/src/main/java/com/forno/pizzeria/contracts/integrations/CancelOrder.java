package com.forno.pizzeria.contracts.integrations;

/** A partner cancels one of its orders, as a customer does: until the order is confirmed. */
public record CancelOrder(String partnerOrderId) {
}
