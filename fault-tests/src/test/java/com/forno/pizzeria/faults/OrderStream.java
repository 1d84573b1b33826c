package com.forno.pizzeria.faults;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver: every customer places orders one after another through the gateway, each with a fresh
 * Idempotency-Key and {@code Prefer: wait=5}, and retries the SAME key on a 5xx, a 429, a timeout or a connection
 * error until it gets an answer. An order the client got a 201 for is "acknowledged": the system owes it a final
 * state. Outcomes are mixed: mostly approved cards, some declined, some slow, some orders for the scarce pizza
 * (stock rejections once it runs out) and a few the customer cancels right after placing them.
 */
final class OrderStream {

    enum Intent { APPROVED, DECLINED, SLOW, SCARCE, CANCEL }

    /** One order as its client saw it. */
    static final class Placed {
        final String customerId;
        final String key = UUID.randomUUID().toString();
        final Intent intent;
        final Instant started = Instant.now();
        final Set<String> idsSeen = ConcurrentHashMap.newKeySet();
        volatile String orderId;
        volatile Instant acknowledgedAt;
        volatile String firstStatus;
        volatile int attempts;
        volatile int serverErrors;
        volatile int connectionErrors;
        volatile String lastError;
        /** a 4xx other than 429: the order was refused (the test's own mistake, or the system's) */
        volatile String refused;
        /** the client gave up before an answer (the stream ended and its drain time ran out) */
        volatile boolean abandoned;
        /** how the customer's cancel went: cancelled, too late (409), or what else */
        volatile String cancel;

        Placed(String customerId, Intent intent) {
            this.customerId = customerId;
            this.intent = intent;
        }

        boolean acknowledged() {
            return orderId != null;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final Http gateway;
    private final List<Shop.Customer> customers;
    private final Shop.Menu menu;
    private final Duration think;
    private final long seed;
    private final ConcurrentLinkedQueue<Placed> orders = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean stopping;
    private volatile Instant giveUpAt = Instant.MAX;

    OrderStream(Http gateway, List<Shop.Customer> customers, Shop.Menu menu, Duration think, long seed) {
        this.gateway = gateway;
        this.customers = customers;
        this.menu = menu;
        this.think = think;
        this.seed = seed;
        this.pool = Executors.newFixedThreadPool(customers.size(), runnable -> {
            Thread thread = new Thread(runnable, "customer");
            thread.setDaemon(true);
            return thread;
        });
    }

    OrderStream start() {
        for (int i = 0; i < customers.size(); i++) {
            Shop.Customer customer = customers.get(i);
            Random random = new Random(seed * 31 + i);
            pool.submit(() -> shop(customer, random));
        }
        return this;
    }

    /**
     * Places no new order; the orders in flight keep retrying until answered or until {@code drain} has passed, then
     * they are given up (abandoned: not acknowledged, so not owed anything).
     */
    void stop(Duration drain) {
        stopping = true;
        giveUpAt = Instant.now().plus(drain);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(drain.plus(REQUEST_TIMEOUT).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Placed> orders() {
        return new ArrayList<>(orders);
    }

    int acknowledged() {
        return (int) orders.stream().filter(Placed::acknowledged).count();
    }

    /** Orders placed after the moment (the end of a fault) that were acknowledged: the stack serves again. */
    int acknowledgedPlacedAfter(Instant moment) {
        return (int) orders.stream().filter(order -> order.acknowledged() && order.started.isAfter(moment)).count();
    }

    /** Orders whose client waits for an answer right now (with Prefer: wait, mostly waiting for the decision). */
    int inFlight() {
        return inFlight.get();
    }

    /** Errors the clients met, by kind. */
    String errors() {
        int server = 0;
        int connection = 0;
        int retried = 0;
        for (Placed order : orders) {
            server += order.serverErrors;
            connection += order.connectionErrors;
            retried += order.attempts > 1 ? 1 : 0;
        }
        return String.format("%d orders retried; %d 5xx/429 answers, %d timeouts or connection errors", retried, server,
                connection);
    }

    Map<Intent, Integer> intents() {
        Map<Intent, Integer> intents = new EnumMap<>(Intent.class);
        orders.forEach(order -> intents.merge(order.intent, 1, Integer::sum));
        return intents;
    }

    // --- one customer ------------------------------------------------------------------------------------------

    private void shop(Shop.Customer customer, Random random) {
        while (!stopping) {
            Placed order = new Placed(customer.id(), intent(random));
            orders.add(order);
            inFlight.incrementAndGet();
            try {
                place(customer, order, body(order.intent, random));
                if (order.intent == Intent.CANCEL && order.acknowledged()) {
                    cancel(customer, order);
                }
            } catch (InterruptedException e) {
                order.abandoned = !order.acknowledged();
                return;
            } finally {
                inFlight.decrementAndGet();
            }
            if (!pause(think.toMillis())) {
                return;
            }
        }
    }

    private static Intent intent(Random random) {
        int dice = random.nextInt(100);
        if (dice < 63) {
            return Intent.APPROVED;
        } else if (dice < 73) {
            return Intent.DECLINED;
        } else if (dice < 77) {
            return Intent.SLOW;
        } else if (dice < 95) {
            return Intent.SCARCE;
        }
        return Intent.CANCEL;
    }

    private JsonObject body(Intent intent, Random random) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        if (intent == Intent.SCARCE) {
            items.add(item(menu.scarce(), 1 + random.nextInt(2)));
        } else {
            List<String> pizzas = menu.plentiful();
            int first = random.nextInt(pizzas.size());
            items.add(item(pizzas.get(first), 1 + random.nextInt(2)));
            if (random.nextBoolean()) {
                items.add(item(pizzas.get(1 - first), 1));
            }
        }
        // a slow processor (tok_slow times out: the processor's fault) trips payments' circuit breaker, which then
        // declines good cards for a while (PROCESSOR_UNAVAILABLE): "some" slow ones, not so many that this dominates
        String card = switch (intent) {
            case DECLINED -> "tok_declined";
            case SLOW -> "tok_slow";
            default -> "tok_approved";
        };
        return Json.createObjectBuilder().add("items", items)
                .add("payment", Json.createObjectBuilder().add("cardToken", card)).build();
    }

    private static JsonObject item(String productId, int quantity) {
        return Json.createObjectBuilder().add("productId", productId).add("quantity", quantity).build();
    }

    /** Until an answer: a 201 (acknowledged) or a refusal; the same key on every retry. */
    private void place(Shop.Customer customer, Placed order, JsonObject body) throws InterruptedException {
        // a customer who will cancel does not wait for the decision: the cancel races the saga's decision (before it:
        // released and voided; after it: 409, too late)
        String[] headers = order.intent == Intent.CANCEL
                ? new String[] {"Idempotency-Key", order.key}
                : new String[] {"Idempotency-Key", order.key, "Prefer", "wait=5"};
        long backoff = 250;
        while (true) {
            if (Instant.now().isAfter(giveUpAt)) {
                order.abandoned = true;
                return;
            }
            order.attempts++;
            try {
                Http.Answer answer = gateway.post("orders", customer.token(), body, REQUEST_TIMEOUT, headers);
                if (answer.status() == 201 || answer.status() == 200) {
                    JsonObject placed = answer.json();
                    String id = placed.getString("id");
                    order.idsSeen.add(id);
                    if (order.orderId == null) {
                        order.firstStatus = placed.getString("status");
                        order.acknowledgedAt = Instant.now();
                        order.orderId = id;
                    }
                    return;
                }
                if (answer.serverError() || answer.status() == 429) {
                    order.serverErrors++;
                    order.lastError = answer.status() + " " + abbreviated(answer.body());
                } else {
                    order.refused = answer.status() + " " + abbreviated(answer.body());
                    return;
                }
            } catch (IOException e) {
                order.connectionErrors++;
                order.lastError = e.toString();
            }
            if (!pause(backoff)) {
                throw new InterruptedException();
            }
            backoff = Math.min(backoff * 2, 1000);
        }
    }

    private void cancel(Shop.Customer customer, Placed order) throws InterruptedException {
        long backoff = 250;
        while (true) {
            if (Instant.now().isAfter(giveUpAt)) {
                order.cancel = "abandoned";
                return;
            }
            try {
                Http.Answer answer = gateway.post("orders/" + order.orderId + "/cancel", customer.token(),
                        Json.createObjectBuilder().build());
                if (answer.status() == 200) {
                    order.cancel = "cancelled";
                    return;
                }
                if (answer.status() == 409) {
                    order.cancel = "too late";
                    return;
                }
                if (!answer.serverError() && answer.status() != 429) {
                    order.cancel = answer.status() + " " + abbreviated(answer.body());
                    return;
                }
            } catch (IOException e) {
                // retried, as a customer would
            }
            if (!pause(backoff)) {
                throw new InterruptedException();
            }
            backoff = Math.min(backoff * 2, 1000);
        }
    }

    /** The driver's pacing: think time between orders, backoff between retries. False when interrupted. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviated(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }
}
