package com.forno.pizzeria.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives the ordering path through the gateway: each client places orders one after another with
 * {@code Prefer: wait=10}, and the time from POST to the decided answer goes into an HdrHistogram. Prints
 * decisions/s, p50/p95/p99, the outcomes and the oversell (units confirmed beyond what stock allowed).
 * <p>
 * Scenarios: {@code hot} (everyone orders the same pizza: its ingredient rows are the contended ones),
 * {@code spread} (a dozen pizzas that share mozzarella), {@code scarce} (stock for exactly 50 units, far more
 * demand: the no-oversell check under load).
 * <p>
 * With an arrival rate ({@code open-rate} > 0) the run is open-loop instead: orders arrive at that fixed rate
 * whatever the answers (a pizzeria's customers do not wait for each other), and each time to decision is counted
 * from the moment the order was due, not from when it could be sent, so that a stalled stack is not hidden by a
 * generator that waited for it (coordinated omission).
 * <p>
 * When {@code PIZZERIA_BENCH_HOOK} names a command, it is run with {@code before} once the menu and the customers
 * exist and with {@code after} once the last order has its answer (bench/run takes its snapshots there, so that
 * sign-ups are not counted as the orders' cost).
 * <p>
 * Usage: {@code LoadTest <gateway> <admin-email> <admin-password> <scenario> <clients> <orders> [pgbench-tps]
 * [minimal-saga-orders/s] [open-rate]}
 */
public final class LoadTest {

    private static final long MOZZARELLA_PER_PIZZA = 200;

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: LoadTest <gateway> <admin-email> <admin-password> <hot|spread|scarce> <clients> <orders> [pgbench-tps] [minimal-saga-orders/s] [open-rate]");
            System.exit(2);
        }
        Gateway gateway = new Gateway(args[0], Integer.parseInt(args[4]));
        String admin = signIn(gateway, args[1], args[2]);
        String scenario = args[3];
        int clients = Integer.parseInt(args[4]);
        int orders = Integer.parseInt(args[5]);
        double pgbenchTps = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        double minimalSaga = args.length > 7 ? Double.parseDouble(args[7]) : 0;
        double openRate = args.length > 8 ? Double.parseDouble(args[8]) : 0;

        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Menu menu = Menu.create(gateway, admin, run, scenario, orders);
        List<String> customers = customers(gateway, run, clients);
        hook("before");
        Result result = openRate > 0
                ? arrive(gateway, menu, customers, orders, scenario.equals("spread"), openRate)
                : drive(gateway, menu, customers, orders, scenario.equals("spread"));
        hook("after");
        String name = openRate > 0 ? String.format("%s, open loop at %.1f orders/s", scenario, openRate) : scenario;
        result.print(name, clients, menu.oversell(gateway, admin, result.confirmedUnits), pgbenchTps, minimalSaga);
        System.exit(0);
    }

    /** The ingredients and pizzas of one run, with the stock the scenario calls for. */
    record Menu(String mozzarella, long mozzarellaStock, List<String> products) {

        static Menu create(Gateway gateway, String admin, String run, String scenario, int orders) throws Exception {
            // hot and spread: stock for every order (1-3 units each); scarce: exactly 50 units of pizza
            long pizzas = scenario.equals("scarce") ? 50 : orders * 3L;
            String mozzarella = "BENCH-MOZZARELLA-" + run;
            long mozzarellaStock = pizzas * MOZZARELLA_PER_PIZZA;
            ingredient(gateway, admin, mozzarella, "Muçarela", "g", mozzarellaStock);
            String sauce = "BENCH-SAUCE-" + run;
            ingredient(gateway, admin, sauce, "Molho de tomate", "g", pizzas * 100 * 20);
            List<String> products = new ArrayList<>();
            int kinds = scenario.equals("spread") ? 12 : 1;
            for (int i = 0; i < kinds; i++) {
                String topping = "BENCH-TOPPING-" + i + "-" + run;
                ingredient(gateway, admin, topping, "Cobertura " + i, "g", pizzas * 80 * 20);
                JsonObject product = Json.createObjectBuilder()
                        .add("name", "Pizza bench " + run + " " + i)
                        .add("description", "Benchmark pizza")
                        .add("category", "PIZZA")
                        .add("priceCents", 4990 + i * 100)
                        .add("recipe", Json.createArrayBuilder()
                                .add(line(mozzarella, MOZZARELLA_PER_PIZZA))
                                .add(line(sauce, 100))
                                .add(line(topping, 80)))
                        .build();
                JsonObject created = gateway.post("stock/products", admin, product).require(201, "create product").json();
                products.add(created.containsKey("productId") ? created.getString("productId") : created.getString("id"));
            }
            return new Menu(mozzarella, mozzarellaStock, products);
        }

        /** Units of pizza confirmed beyond what the mozzarella allowed (0 when the promise holds). */
        long oversell(Gateway gateway, String admin, long confirmedUnits) throws Exception {
            JsonObject ingredient = gateway.get("stock/ingredients/" + mozzarella, admin).require(200, "read stock").json();
            long onHand = ingredient.getJsonNumber("onHand").longValue();
            long reserved = ingredient.getJsonNumber("reserved").longValue();
            if (onHand < 0 || reserved < 0) {
                return Long.MAX_VALUE;
            }
            long allowed = mozzarellaStock / MOZZARELLA_PER_PIZZA;
            return Math.max(0, confirmedUnits - allowed);
        }

        private static void ingredient(Gateway gateway, String admin, String sku, String name, String unit, long onHand)
                throws Exception {
            gateway.post("stock/ingredients", admin, Json.createObjectBuilder()
                    .add("sku", sku).add("name", name).add("unit", unit).add("onHand", onHand)
                    .add("lowStockThreshold", 0).add("safetyBuffer", 0).build()).require(201, "create ingredient " + sku);
        }

        private static JsonObject line(String sku, long quantity) {
            return Json.createObjectBuilder().add("sku", sku).add("quantity", quantity).build();
        }
    }

    private static List<String> customers(Gateway gateway, String run, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + run.toLowerCase() + "-" + i + "@example.com";
            gateway.post("users", null, Json.createObjectBuilder().add("name", "Cliente " + i).add("email", email)
                    .add("password", "bench password " + run).build()).require(201, "register");
            tokens.add(signIn(gateway, email, "bench password " + run));
        }
        return tokens;
    }

    private static String signIn(Gateway gateway, String email, String password) throws Exception {
        return gateway.post("users/login", null, Json.createObjectBuilder().add("email", email).add("password", password).build())
                .require(200, "sign in " + email).json().getString("accessToken");
    }

    private static Result drive(Gateway gateway, Menu menu, List<String> customers, int orders, boolean spread)
            throws Exception {
        Result result = new Result();
        AtomicInteger remaining = new AtomicInteger(orders);
        ExecutorService pool = Executors.newFixedThreadPool(customers.size());
        long started = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < customers.size(); c++) {
            String token = customers.get(c);
            Random random = new Random(c);
            clients.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    place(gateway, menu, token, random, spread, System.nanoTime(), result);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        result.seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return result;
    }

    /**
     * Open loop: order i is due at start + i / rate, sent then on a thread of its own (never held back by the
     * answers to the ones before it), and timed from when it was due.
     */
    private static Result arrive(Gateway gateway, Menu menu, List<String> customers, int orders, boolean spread,
            double rate) throws Exception {
        Result result = new Result();
        ExecutorService pool = Executors.newCachedThreadPool();
        long intervalNanos = (long) (1e9 / rate);
        long started = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            long due = started + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String token = customers.get(i % customers.size());
            Random random = new Random(i);
            sent.add(pool.submit(() -> {
                place(gateway, menu, token, random, spread, due, result);
                return null;
            }));
        }
        for (Future<?> order : sent) {
            order.get();
        }
        result.seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return result;
    }

    /** Places one order and records its time to decision, counted from {@code dueNanos}. */
    private static void place(Gateway gateway, Menu menu, String token, Random random, boolean spread, long dueNanos,
            Result result) {
        String product = menu.products().get(spread ? random.nextInt(menu.products().size()) : 0);
        int quantity = 1 + random.nextInt(3);
        JsonArrayBuilder items = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("productId", product).add("quantity", quantity));
        JsonObject body = Json.createObjectBuilder().add("items", items)
                .add("payment", Json.createObjectBuilder().add("cardToken", "tok_approved")).build();
        try {
            var answer = gateway.post("orders", token, body, "Idempotency-Key", UUID.randomUUID().toString(),
                    "Prefer", "wait=10");
            result.record(answer, (System.nanoTime() - dueNanos) / 1000, quantity);
        } catch (Exception e) {
            result.errors.increment();
            System.err.println("order failed: " + e);
        }
    }

    private static void hook(String phase) throws Exception {
        String command = System.getenv("PIZZERIA_BENCH_HOOK");
        if (command == null || command.isBlank()) {
            return;
        }
        int exit = new ProcessBuilder(command, phase).inheritIO().start().waitFor();
        if (exit != 0) {
            System.err.println(command + " " + phase + " exited with " + exit);
        }
    }

    static final class Result {
        final Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        final Map<String, LongAdder> outcomes = new LinkedHashMap<>();
        final LongAdder errors = new LongAdder();
        volatile long confirmedUnits;
        private final LongAdder units = new LongAdder();
        double seconds;

        Result() {
            for (String outcome : List.of("CONFIRMED", "REJECTED", "CANCELLED", "PENDING", "AWAITING_PAYMENT")) {
                outcomes.put(outcome, new LongAdder());
            }
        }

        void record(Gateway.Answer answer, long micros, int quantity) {
            if (answer.status() != 201) {
                errors.increment();
                if (errors.sum() <= 3) {
                    System.err.println("order answered " + answer.status() + ": " + answer.body());
                }
                return;
            }
            String status = answer.json().getString("status");
            outcomes.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status.equals("CONFIRMED")) {
                units.add(quantity);
            }
            if (!status.equals("PENDING") && !status.equals("AWAITING_PAYMENT")) {
                latency.recordValue(micros);
            }
        }

        void print(String scenario, int clients, long oversell, double pgbenchTps, double minimalSaga) {
            confirmedUnits = units.sum();
            long decided = latency.getTotalCount();
            double decisionsPerSecond = decided / seconds;
            System.out.printf("%n== scenario %s: %d clients, %.1f s%n", scenario, clients, seconds);
            System.out.printf("orders/s (decided)      %8.1f%n", decisionsPerSecond);
            System.out.printf("time to decision (ms)   p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
            StringBuilder counts = new StringBuilder();
            outcomes.forEach((status, count) -> counts.append(status.toLowerCase()).append(' ').append(count.sum()).append("  "));
            System.out.printf("outcomes                %serrors %d%n", counts, errors.sum());
            System.out.printf("confirmed units         %d%n", confirmedUnits);
            System.out.printf("oversell (units)        %d%n", oversell);
            if (pgbenchTps > 0) {
                System.out.printf("pgbench hot-row tps     %8.1f%n", pgbenchTps);
                System.out.printf("decisions / hot-row tps %8.1f %%%n", 100 * decisionsPerSecond / pgbenchTps);
            }
            if (minimalSaga > 0) {
                System.out.printf("minimal-saga orders/s   %8.1f%n", minimalSaga);
                System.out.printf("decisions / minimal saga %7.1f %%%n", 100 * decisionsPerSecond / minimalSaga);
            }
        }
    }

    private LoadTest() {
    }
}
