package com.forno.pizzeria.platform.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The one way a service runs work on a schedule: sweepers, expiries, the outbox relay, gauges' refreshes. A task
 * survives any number of failed runs, whatever they throw: the failure is counted and logged, and the next run comes
 * on time. (An EJB interval timer does not: Payara expunges it after two failed deliveries, and a scheduled executor
 * ends a schedule at its first exception; both were seen to stop the saga's sweeper for good during a database
 * outage.) Runs of one task never overlap; {@link Task#wake()} asks for a run now, coalesced with any other.
 * <p>
 * Metrics per task ({@code task} tag): {@code periodic_task_failures_total} and
 * {@code periodic_task_since_success_seconds} (since the last run that succeeded, or since the task started).
 * Each task runs on a managed thread of its own ({@link ManagedThreadFactory}), with the application's context: go
 * through an EJB or a {@code @Transactional} bean for transactions. A wake-up is a signal to that thread, not a task
 * handed to an executor: Payara captures the caller's context for every task it is handed, looking its context
 * providers up on the class path each time, and with every outbox commit waking the relay that was ~3 % of an
 * instance's CPU, and more of its JIT compiler's (issue 16).
 */
@ApplicationScoped
public class Periodic {

    private static final System.Logger LOG = System.getLogger(Periodic.class.getName());
    /** Consecutive failures of a task are logged once a minute, not at every run (a sweeper runs every 250 ms). */
    private static final long LOG_EVERY_MILLIS = 60_000;

    private static final Metadata FAILURES = Metadata.builder().withName("periodic.task.failures")
            .withDescription("Runs of a periodic task that failed (the task goes on)").build();
    private static final Metadata SINCE_SUCCESS = Metadata.builder().withName("periodic.task.since.success")
            .withUnit(MetricUnits.SECONDS)
            .withDescription("Time since a periodic task last ran without failing (or since it started)").build();

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private final List<Task> tasks = new CopyOnWriteArrayList<>();

    /** Runs {@code work} every {@code period}, counted from the end of the previous run; the first run after one period. */
    public Task every(String name, Duration period, Runnable work) {
        return every(name, period, period, work);
    }

    /** Runs {@code work} first after {@code firstRunAfter}, then every {@code period} after the end of the previous run. */
    public Task every(String name, Duration firstRunAfter, Duration period, Runnable work) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a periodic task needs a positive period, " + name + " has " + period);
        }
        Task task = new Task(name, work, period);
        metrics.gauge(SINCE_SUCCESS, task, Task::secondsSinceSuccess, task.tag());
        Thread thread = threads.newThread(() -> task.loop(firstRunAfter));
        thread.setName("periodic-" + name);
        tasks.add(task);
        thread.start();
        return task;
    }

    @PreDestroy
    void stopAll() {
        tasks.forEach(Task::cancel);
    }

    /** A scheduled piece of work. */
    public final class Task {

        private final String name;
        private final Runnable work;
        private final Duration period;
        private final Counter failures;
        /** Guards {@code wanted}; the task's thread waits on it between runs. */
        private final Object signal = new Object();
        private boolean wanted;
        private volatile boolean cancelled;
        private volatile long lastSuccess = System.currentTimeMillis();
        private volatile long failingSince;
        private volatile long lastLogged;
        private long failedRuns;

        private Task(String name, Runnable work, Duration period) {
            this.name = name;
            this.work = work;
            this.period = period;
            this.failures = metrics.counter(FAILURES, tag());
        }

        /**
         * Runs the work as soon as possible: at once when idle, right after the current run otherwise. Wake-ups that
         * come during a run are one run after it, not lost and not several.
         */
        public void wake() {
            synchronized (signal) {
                wanted = true;
                signal.notifyAll();
            }
        }

        /** No more runs; one in progress finishes. */
        public void cancel() {
            cancelled = true;
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        public String name() {
            return name;
        }

        private Tag tag() {
            return new Tag("task", name);
        }

        long failures() {
            return failures.getCount();
        }

        /** The task's thread: a run when one is due or wanted, never two at once, until cancelled. */
        private void loop(Duration firstRunAfter) {
            long due = System.nanoTime() + firstRunAfter.toNanos();
            while (awaitRun(due)) {
                runOnce();
                due = System.nanoTime() + period.toNanos();
            }
        }

        /** Waits until a run is due ({@code due}, in {@link System#nanoTime()}) or wanted; {@code false} once cancelled. */
        private boolean awaitRun(long due) {
            synchronized (signal) {
                long left;
                while (!cancelled && !wanted && (left = due - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(signal, left);
                    } catch (InterruptedException e) {
                        // only a cancel ends the task (the container's shutdown cancels every task first): an
                        // interrupt that a run left behind must not stop a sweeper for good
                        LOG.log(Level.DEBUG, "periodic task {0} interrupted while waiting", name);
                    }
                }
                wanted = false;
                return !cancelled;
            }
        }

        @SuppressWarnings("java:S1181") // whatever it throws, the task must run again
        private void runOnce() {
            try {
                work.run();
                succeeded();
            } catch (Throwable failure) {
                failed(failure);
            }
        }

        private synchronized void succeeded() {
            long now = System.currentTimeMillis();
            lastSuccess = now;
            if (failedRuns > 0) {
                LOG.log(Level.INFO, "periodic task {0} runs again after {1} failed run(s) in {2} s", name, failedRuns,
                        (now - failingSince) / 1000);
                failedRuns = 0;
            }
        }

        private synchronized void failed(Throwable failure) {
            failures.inc();
            long now = System.currentTimeMillis();
            if (failedRuns++ == 0) {
                failingSince = now;
                lastLogged = now;
                LOG.log(Level.WARNING, "periodic task " + name + " failed; it runs again on schedule", failure);
            } else if (now - lastLogged >= LOG_EVERY_MILLIS) {
                lastLogged = now;
                LOG.log(Level.WARNING, "periodic task {0} still failing: {1} run(s) in {2} s, the last with {3}", name,
                        failedRuns, (now - failingSince) / 1000, String.valueOf(failure));
            }
        }

        private double secondsSinceSuccess() {
            return (System.currentTimeMillis() - lastSuccess) / 1000.0;
        }
    }
}
