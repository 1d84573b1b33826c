package com.forno.pizzeria.faults;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One fault, the same way every time: bring the stack back to healthy, create a fresh menu, stream orders, inject
 * the fault in the middle of the stream, end it, let the stream show the stack serves again, stop the stream, wait
 * (bounded) until every acknowledged order is final and its payment and stock have settled, then judge the
 * invariants. Everything it saw goes to target/faults/<fault>/report.txt (with thread dumps when a check failed).
 */
final class Scenario {

    /** A fault: injects itself into the stream and ends itself; may say what it found at the moment it struck. */
    @FunctionalInterface
    interface Fault {
        String inject(OrderStream stream) throws Exception;
    }

    /** Orders acknowledged before the fault strikes, and after it ended (the sign that the stack serves again). */
    private static final int WARM = 10;
    private static final int RECOVERED = 10;
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Lab lab;
    private final Http gateway;
    private final Shop shop;
    private final List<Shop.Customer> customers;
    private final FaultTable table;
    private final List<String> phases = new ArrayList<>();
    private Instant began;

    Scenario(Lab lab, Http gateway, Shop shop, List<Shop.Customer> customers, FaultTable table) {
        this.lab = lab;
        this.gateway = gateway;
        this.shop = shop;
        this.customers = customers;
        this.table = table;
    }

    /** The verdict, and whether the stack served again after the fault (orders placed after it acknowledged). */
    record Outcome(Invariants.Verdict verdict, boolean servedAgain, Path report) {
    }

    Outcome run(String fault, Fault injection) throws Exception {
        began = Instant.now();
        phases.clear();
        Path reports = lab.reports.resolve(fault.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase());
        Lab.deleteTree(reports);
        Files.createDirectories(reports);
        List<String> report = new ArrayList<>();
        report.add("fault: " + fault);

        List<String> healed = heal();
        healed.forEach(line -> report.add("before the fault: " + line));
        phase("healthy");
        Shop.Menu menu = shop.menu();
        Map<String, Lab.QueueState> queuesBefore = lab.queues();
        LogWatch logs = new LogWatch(lab);
        Duration think = Duration.ofMillis(Long.parseLong(lab.config.getProperty("faults.think.millis")));
        OrderStream stream = new OrderStream(gateway, customers, menu, think, fault.hashCode()).start();
        boolean recovered;
        try {
            await("a warm stream (" + WARM + " orders acknowledged) before the fault").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200)).until(() -> stream.acknowledged() >= WARM);
            phase("stream warm (" + stream.acknowledged() + " acknowledged)");
            String struck = injection.inject(stream);
            Instant ended = Instant.now();
            phase("fault injected and ended" + (struck == null ? "" : ": " + struck));
            recovered = within(Duration.ofSeconds(90), () -> stream.acknowledgedPlacedAfter(ended) >= RECOVERED);
            phase(recovered ? "serving again (" + RECOVERED + " orders placed after the fault acknowledged)"
                    : "NOT serving again within 90 s of the fault's end (" + stream.acknowledgedPlacedAfter(ended)
                      + " orders placed after it acknowledged)");
        } finally {
            stream.stop(Duration.ofSeconds(60));
        }
        phase("stream stopped (" + stream.orders().size() + " placed)");

        Invariants invariants = new Invariants(lab, menu, stream.orders(), queuesBefore);
        Duration finalBound = seconds("faults.final.seconds");
        boolean allFinal = progressing(finalBound, seconds("faults.stall.seconds"), invariants::acknowledgedNotFinal);
        phase(allFinal ? "every acknowledged order final" : "NOT every acknowledged order final (bound " + finalBound.toSeconds()
                + " s, or no progress for " + seconds("faults.stall.seconds").toSeconds() + " s)");
        boolean settled = within(seconds("faults.settle.seconds"), () -> invariants.unsettled() == 0);
        phase(settled ? "payments and holds settled" : "payments and holds NOT settled within the bound");

        // a consumer that reconnects after the fault has had the whole wait above to do so; give it a last moment
        within(Duration.ofSeconds(15), () -> Lab.WORK_QUEUES.keySet().stream()
                .allMatch(queue -> lab.queues().getOrDefault(queue, new Lab.QueueState(0, 1)).consumers() > 0));
        List<String> stuck = new ArrayList<>();
        for (String instance : Lab.INSTANCES) {
            if (logs.logged(instance, "EJB5119")) {
                stuck.add(instance + ": an EJB timer was expunged (EJB5119): its @Timeout (the saga's sweeper, in orders) "
                        + "never runs again");
            }
        }
        Invariants.Verdict verdict = invariants.verdict(fault, stuck);
        Duration took = Duration.between(began, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        String line = FaultTable.line(verdict, took);
        System.out.println(line);
        table.add(verdict, took);

        report.add(line);
        report.add("stream: " + stream.intents() + "; " + stream.errors());
        long abandoned = stream.orders().stream().filter(order -> order.abandoned).count();
        if (abandoned > 0) {
            report.add("abandoned by their clients (never answered within the drain): " + abandoned);
        }
        report.add("outcomes of the acknowledged orders, by what the customer meant:");
        verdict.outcomes().forEach((outcome, count) -> report.add(String.format("  %4d %s", count, outcome)));
        report.add("phases:");
        phases.forEach(phase -> report.add("  " + phase));
        report.add("evidence:");
        verdict.evidence().forEach(evidence -> report.add("  " + evidence));
        if (verdict.deadLetters() > 0) {
            report.add("dead letters now in the queues (the admin API's view; earlier faults' too):");
            deadLetters(reports).forEach(letter -> report.add("  " + letter));
        }
        report.add("what the instances logged meanwhile:");
        logs.findings().forEach(finding -> report.add("  " + finding));
        if (!verdict.holds() || !recovered) {
            lab.threadDumps(reports);
            report.add("thread dumps: " + reports + "/threads-*.txt");
        }
        Files.writeString(reports.resolve("report.txt"), String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        System.out.println("  details: " + reports.resolve("report.txt"));
        verdict.evidence().stream().limit(12).forEach(evidence -> System.out.println("  " + evidence));
        return new Outcome(verdict, recovered, reports.resolve("report.txt"));
    }

    /** Each service's dead letters as GET /{service}/dead-letters lists them: one line per letter, the JSON kept. */
    private List<String> deadLetters(Path reports) {
        List<String> lines = new ArrayList<>();
        for (String service : List.of("orders", "stock", "payments")) {
            try {
                Http.Answer answer = gateway.get(service + "/dead-letters?limit=50", shop.admin());
                Files.writeString(reports.resolve("dead-letters-" + service + ".json"), answer.body(), StandardCharsets.UTF_8);
                if (answer.status() != 200) {
                    lines.add(service + ": GET /" + service + "/dead-letters answered " + answer.status());
                    continue;
                }
                for (JsonValue queue : answer.value().asJsonArray()) {
                    JsonObject letters = queue.asJsonObject();
                    if (letters.getJsonNumber("count").longValue() == 0) {
                        continue;
                    }
                    lines.add(letters.getString("deadLetterQueue") + ": " + letters.getJsonNumber("count") + " letter(s)");
                    for (JsonValue letter : letters.getJsonArray("letters")) {
                        JsonObject dead = letter.asJsonObject();
                        lines.add("  " + dead.getString("type", "?") + " for order " + dead.getString("correlationId", "?"));
                    }
                }
            } catch (Exception e) {
                lines.add(service + ": its dead letters could not be listed: " + e);
            }
        }
        return lines;
    }

    /**
     * Everything back to healthy before a fault: the cluster and the node running, no memory alarm, no paused or
     * missing instance, and the stuck states readiness does not show (a work queue without consumers, an orders
     * instance whose saga sweeper timer was expunged) ended by restarting the instances concerned. Says what it did.
     */
    List<String> heal() throws Exception {
        List<String> done = new ArrayList<>();
        if (!lab.postgresReady()) {
            done.add("PostgreSQL was not running: started it");
            lab.postgres("start").orThrow();
        }
        if (!lab.rabbitRunning()) {
            done.add("RabbitMQ was not running: started it");
            lab.rabbitScript("start").orThrow();
        }
        if (lab.memoryAlarmRaised()) {
            done.add("RabbitMQ's memory alarm was still raised: cleared it");
            lab.memoryAlarm(false);
        }
        Set<String> restart = new TreeSet<>();
        Map<String, Lab.QueueState> queues = lab.queues();
        Lab.WORK_QUEUES.forEach((queue, service) -> {
            Lab.QueueState state = queues.get(queue);
            if (state != null && state.consumers() == 0) {
                done.add("queue " + queue + " had no consumer: restarted " + service);
                Lab.INSTANCES.stream().filter(instance -> instance.startsWith(service)).forEach(restart::add);
            }
        });
        for (String instance : List.of("orders-1", "orders-2")) {
            if (logged(instance, "EJB5119")) {
                done.add(instance + "'s saga sweeper timer had been expunged (EJB5119): restarted it");
                restart.add(instance);
            }
        }
        Lab.INSTANCES.forEach(lab::resume);
        restart.forEach(lab::stop);
        List<String> missing = Lab.INSTANCES.stream().filter(instance -> lab.pid(instance) < 0).toList();
        if (!missing.isEmpty()) {
            if (!missing.stream().allMatch(restart::contains)) {
                done.add("not running: " + missing + ": started");
            }
            lab.up();
        }
        await("every instance ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Lab.INSTANCES.stream().allMatch(lab::ready) && lab.gatewayReady());
        return done;
    }

    private boolean logged(String instance, String sign) {
        try {
            Path log = lab.instanceLog(instance);
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(sign);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Awaits the condition within the bound; false (not an exception) when it does not come, so the checks still run. */
    private static boolean within(Duration bound, Callable<Boolean> condition) {
        try {
            await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Awaits a count of 0 within the bound, giving up early when the count has not moved for {@code stall}: the saga
     * retries and gives up within seconds (the lab's timeouts are short), so a count that stands still that long
     * stays where it is. Giving up early can only fail a fault, never pass one.
     */
    private static boolean progressing(Duration bound, Duration stall, Callable<Integer> count) {
        int[] last = {-1};
        Instant[] moved = {Instant.now()};
        try {
            await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions().until(() -> {
                int now = count.call();
                if (now != last[0]) {
                    last[0] = now;
                    moved[0] = Instant.now();
                }
                return now == 0 || Duration.between(moved[0], Instant.now()).compareTo(stall) > 0;
            });
            return last[0] == 0;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private Duration seconds(String key) {
        return Duration.ofSeconds(Long.parseLong(lab.config.getProperty(key)));
    }

    private void phase(String what) {
        phases.add(String.format("%s +%3d s  %s", LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                Duration.between(began, Instant.now()).toSeconds(), what));
    }
}
