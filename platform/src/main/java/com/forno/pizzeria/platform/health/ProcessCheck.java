package com.forno.pizzeria.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and the heap is not exhausted. Liveness deliberately ignores the
 * database and the broker: restarting the process would not bring them back.
 */
@Liveness
@ApplicationScoped
public class ProcessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double ratio = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("process")
                .status(ratio < 0.98)
                .withData("heapUsedMb", used / (1024 * 1024))
                .withData("heapMaxMb", runtime.maxMemory() / (1024 * 1024))
                .build();
    }
}
