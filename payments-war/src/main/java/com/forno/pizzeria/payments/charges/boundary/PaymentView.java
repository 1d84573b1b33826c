package com.forno.pizzeria.payments.charges.boundary;

import com.forno.pizzeria.payments.charges.entity.Payment;
import java.time.Instant;
import java.util.UUID;

/** A payment as the API shows it; {@code reason} only when there is one (a decline, a void's reason). */
public record PaymentView(UUID id, UUID orderId, String status, long amountCents, String reason, Instant createdAt) {

    public static PaymentView from(Payment payment) {
        return new PaymentView(payment.id(), payment.orderId(), payment.status().name(), payment.amountCents(),
                payment.reason(), payment.createdAt());
    }
}
