package com.forno.pizzeria.orders.saga.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The saga's patience, {@code orders.saga.*}: every key it reads is declared here and nowhere else (the package's
 * javadoc says what each one means). Placing an order, the saga's steps and the sweeper all read them from here.
 */
@ApplicationScoped
public class SagaSettings {

    @Inject @ConfigProperty(name = "orders.saga.stock-timeout-seconds", defaultValue = "20")
    long stockTimeoutSeconds;

    @Inject @ConfigProperty(name = "orders.saga.payment-timeout-seconds", defaultValue = "30")
    long paymentTimeoutSeconds;

    @Inject @ConfigProperty(name = "orders.saga.max-retries", defaultValue = "2")
    int maxRetries;

    @Inject @ConfigProperty(name = "orders.saga.hold-margin-seconds", defaultValue = "15")
    long holdMarginSeconds;

    @Inject @ConfigProperty(name = "orders.saga.sweep-ms", defaultValue = "2000")
    long sweepMillis;

    /** How long stock may take to answer ReserveStock before it is asked again. */
    public Duration stockTimeout() {
        return Duration.ofSeconds(stockTimeoutSeconds);
    }

    /** How long payments may take to answer AuthorizePayment before it is asked again. */
    public Duration paymentTimeout() {
        return Duration.ofSeconds(paymentTimeoutSeconds);
    }

    /** How many times an unanswered command is sent again before the order is cancelled (EXPIRED). */
    public int maxRetries() {
        return maxRetries;
    }

    /** Confirming on a hold that ends within this margin could outlive it: such an order expires instead. */
    public Duration holdMargin() {
        return Duration.ofSeconds(holdMarginSeconds);
    }

    /** How often the sweeper looks for orders whose answer is overdue. */
    public Duration sweepEvery() {
        return Duration.ofMillis(sweepMillis);
    }
}
