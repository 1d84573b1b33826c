package com.forno.pizzeria.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed; the heap's use is reported, not judged. An exhausted heap ends the
 * process by itself ({@code -XX:+ExitOnOutOfMemoryError} in every launch), and a check of the heap's occupancy can
 * only guess: between collections it fills with garbage, and judging by it declared busy, healthy instances dead
 * (121 of 123 MB "used", and after a minor collection the old generation 100 % "used", both until the next full
 * collection, which in a quiet moment may not come for minutes). Liveness also ignores the database and the broker:
 * restarting the process would not bring them back.
 */
@Liveness
@ApplicationScoped
public class ProcessCheck implements HealthCheck {

    private static final long MB = 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        return HealthCheckResponse.named("process")
                .up()
                .withData("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) / MB)
                .withData("heapMaxMb", runtime.maxMemory() / MB)
                .build();
    }
}
