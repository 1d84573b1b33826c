package com.forno.pizzeria.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.scheduling.Periodic;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every periodic task (sweepers, the relay, gauges, expiries) runs on {@link Periodic}: here its runs fail on
 * purpose, with exceptions and errors alike, and it keeps running. (An EJB interval timer is expunged after two failed
 * deliveries; a scheduled executor ends a schedule at its first exception.)
 */
@ExtendWith(ArquillianExtension.class)
class PeriodicIT {

    private static final int FAILING_RUNS = 6;

    @Inject
    Periodic periodic;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Test
    void aTaskWhoseRunsFailKeepsRunningAndCountsItsFailures() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        Periodic.Task task = periodic.every("it-failing", Duration.ofMillis(50), () -> {
            int run = runs.incrementAndGet();
            if (run <= FAILING_RUNS) {
                if (run % 2 == 0) {
                    throw new AssertionError("run " + run + " fails with an error, on purpose");
                }
                throw new IllegalStateException("run " + run + " fails with an exception, on purpose");
            }
            succeeded.incrementAndGet();
        });
        try {
            await("runs after the failing ones").atMost(Duration.ofSeconds(30)).until(() -> succeeded.get() >= 3);
            assertThat(metrics.counter("periodic.task.failures", new Tag("task", "it-failing")).getCount())
                    .as("failed runs counted").isEqualTo(FAILING_RUNS);
        } finally {
            task.cancel();
        }
    }

    @Test
    void aWakeUpRunsTheTaskAtOnceAndRunsNeverOverlap() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Periodic.Task task = periodic.every("it-woken", Duration.ofHours(1), () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            runs.incrementAndGet();
            running.decrementAndGet();
        });
        try {
            for (int i = 0; i < 20; i++) {
                task.wake();
            }
            await("woken runs, long before the hour is up").atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 1);
            int afterWakeUps = runs.get();
            task.wake();
            await("one more wake-up, one more run").atMost(Duration.ofSeconds(10))
                    .until(() -> runs.get() > afterWakeUps);
            assertThat(overlaps.get()).as("overlapping runs").isZero();
        } finally {
            task.cancel();
        }
    }

    @Test
    void aRunThatLeavesItsThreadInterruptedDoesNotEndTheTask() {
        AtomicInteger runs = new AtomicInteger();
        Periodic.Task task = periodic.every("it-interrupted", Duration.ofMillis(50), () -> {
            runs.incrementAndGet();
            Thread.currentThread().interrupt(); // as a run that swallowed an InterruptedException and restored it
        });
        try {
            await("runs after interrupted ones").atMost(Duration.ofSeconds(30)).until(() -> runs.get() >= 5);
        } finally {
            task.cancel();
        }
    }
}
