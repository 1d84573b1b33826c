package com.forno.pizzeria.platform.health;

import com.forno.pizzeria.platform.messaging.Broker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the shared RabbitMQ connection is open (the broker reconnects by itself when it is not). */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Inject
    Broker broker;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("broker")
                .status(broker.connected())
                .withData("reconnects", broker.reconnects())
                .build();
    }
}
