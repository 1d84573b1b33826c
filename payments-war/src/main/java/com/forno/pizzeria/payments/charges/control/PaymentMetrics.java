package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.Payment;
import com.forno.pizzeria.payments.charges.entity.PaymentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.LongSupplier;
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
    static final Metadata RESOLUTIONS = Metadata.builder().withName("payments.resolutions")
            .withDescription("Authorisations of unknown outcome: voided by reference at once (voided), left owing the"
                    + " void (deferred), voided later by the resolver (voided_later)").build();
    static final Metadata UNRESOLVED = Metadata.builder().withName("payments.unresolved")
            .withDescription("Payments owing a void by reference: the processor may still hold the customer's money"
                    + " (all instances; -1 when it cannot be read)").build();

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

    /** An authorisation of unknown outcome was voided (at once or later), or its void deferred. */
    public void resolved(Resolution resolution) {
        registry.counter(RESOLUTIONS, new Tag("result", resolution.name().toLowerCase(Locale.ROOT))).inc();
    }

    /** The gauge of payments owing a void by reference; called once, at start-up. */
    public void watchUnresolved(LongSupplier owingVoid) {
        registry.gauge(UNRESOLVED, () -> {
            try {
                return owingVoid.getAsLong();
            } catch (RuntimeException e) {
                return -1L;
            }
        });
    }

    /** What became of an authorisation of unknown outcome. */
    public enum Resolution {
        /** Voided by reference before the decline was answered. */
        VOIDED,
        /** The void failed: declined all the same, the void owed to the resolver. */
        DEFERRED,
        /** The resolver's void went through. */
        VOIDED_LATER
    }
}
