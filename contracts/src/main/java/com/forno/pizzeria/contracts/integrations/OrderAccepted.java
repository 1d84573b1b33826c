package com.forno.pizzeria.contracts.integrations;

import java.util.UUID;

/** The order is confirmed: stock held and, for CARD, the payment authorised. One of the two final replies. */
public record OrderAccepted(String partnerOrderId, UUID orderId) {
}
