package com.forno.pizzeria.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and the heap is not exhausted. Exhausted means that the last collection
 * of the old generation left it nearly full, not that the heap is nearly full now: between collections it fills
 * with garbage, and a check of the current use declared busy instances dead (121 of 123 MB "used") until the next
 * full collection, which in a quiet moment may not come for minutes. Liveness deliberately ignores the database
 * and the broker: restarting the process would not bring them back.
 */
@Liveness
@ApplicationScoped
public class ProcessCheck implements HealthCheck {

    private static final long MB = 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        double oldAfterGc = oldGenerationAfterLastCollection();
        return HealthCheckResponse.named("process")
                .status(oldAfterGc < 0.98)
                .withData("heapUsedMb", (runtime.totalMemory() - runtime.freeMemory()) / MB)
                .withData("heapMaxMb", runtime.maxMemory() / MB)
                .withData("oldGenAfterLastGcPercent", Math.round(oldAfterGc * 100))
                .build();
    }

    /** Used / max of the old generation right after its last collection; 0 before the first one. */
    static double oldGenerationAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                // Serial "Tenured Gen", Parallel "PS Old Gen", G1 "G1 Old Gen"
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .map(MemoryPoolMXBean::getCollectionUsage)
                .filter(usage -> usage != null && usage.getMax() > 0)
                .mapToDouble(usage -> (double) usage.getUsed() / usage.getMax())
                .max().orElse(0);
    }
}
