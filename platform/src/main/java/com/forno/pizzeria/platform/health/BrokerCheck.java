package com.forno.pizzeria.platform.health;

import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.Consumers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while both RabbitMQ connections are open and every consumer session consumes (each reconnects or is made
 * again by itself when it is not): an instance that no longer takes its queue's messages must say so. A service
 * that uses no broker (users, ai) does not depend on it. A blocked publishing connection (a broker alarm) is
 * reported, not judged: orders are still taken into the outbox meanwhile.
 */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

    @Inject
    Broker broker;

    @Inject
    Consumers consumers;

    @Override
    public HealthCheckResponse call() {
        if (!broker.used()) {
            return HealthCheckResponse.named("broker").up().withData("used", false).build();
        }
        int[] sessions = consumers.sessions();
        return HealthCheckResponse.named("broker")
                .status(broker.connected() && consumers.consuming())
                .withData("reconnects", broker.reconnects())
                .withData("consumerSessions", sessions[0] + " of " + sessions[1])
                .withData("publishingBlocked", broker.publishingBlocked())
                .build();
    }
}
