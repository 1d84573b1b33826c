package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.Payment;
import com.forno.pizzeria.payments.charges.entity.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The service's own counters (application scope; Prometheus names in the module README). Fault Tolerance adds its
 * own per-method metrics in the base scope ({@code ft_*}: retries, timeouts, circuit breaker state). Counters move
 * inside the message's transaction: one that rolls back and is redone on redelivery counts twice, which is rare and
 * harmless for rates and alerts.
 */
@ApplicationScoped
public class PaymentMetrics {

    static final Metadata PAYMENTS = Metadata.builder().withName("payments")
            .withDescription("Authorisation decisions, by result (authorized, declined) and reason").build();
    static final Metadata SETTLED = Metadata.builder().withName("payments.settled")
            .withDescription("Payments captured, voided or refunded").build();
    static final Metadata CALLS = Metadata.builder().withName("payments.processor.calls")
            .withDescription("Requests sent to the card processor, retries included, by operation").build();
    static final Metadata FAILURES = Metadata.builder().withName("payments.processor.failures")
            .withDescription("Processor requests that failed (error) or that our timeout cut short (timeout)").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** A new payment was decided (replays of a decided payment are not counted again). */
    public void decided(Payment payment) {
        boolean authorized = payment.status() == PaymentStatus.AUTHORIZED;
        registry.counter(PAYMENTS, new Tag("result", authorized ? "authorized" : "declined"),
                new Tag("reason", authorized ? "APPROVED" : payment.reason())).inc();
    }

    public void settled(PaymentStatus status) {
        registry.counter(SETTLED, new Tag("status", status.name().toLowerCase(Locale.ROOT))).inc();
    }

    public void processorCalled(String operation) {
        registry.counter(CALLS, new Tag("operation", operation)).inc();
    }

    public void processorFailed(String operation, String failure) {
        registry.counter(FAILURES, new Tag("operation", operation), new Tag("failure", failure)).inc();
    }
}
