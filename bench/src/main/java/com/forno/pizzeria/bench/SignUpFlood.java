package com.forno.pizzeria.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flood of sign-ups (64 at once, through nginx) beside a customer reading the menu: the menu's latency when idle
 * and during the flood, and how the sign-ups were answered. Prints figures; asserts nothing.
 * Arguments: gateway base URL [sign-ups=64] [idle samples=300].
 */
public final class SignUpFlood {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        int signUps = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int idleSamples = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(8)).build();

        for (int i = 0; i < 50; i++) {
            menu(http, base); // warm-up, not measured
        }
        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < idleSamples; i++) {
            idle.add(menu(http, base));
        }

        ExecutorService flood = Executors.newFixedThreadPool(signUps);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < signUps; i++) {
            answers.add(flood.submit(() -> {
                start.await();
                String email = "flood-" + UUID.randomUUID() + "@example.com";
                String body = "{\"name\":\"Flood\",\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}";
                return http.send(HttpRequest.newBuilder(base.resolve("users")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }));
        }
        List<Long> during = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (flooding.get()) {
                try {
                    during.add(menu(http, base));
                } catch (Exception e) {
                    during.add(Long.MAX_VALUE); // a menu read that failed counts as the slowest
                }
            }
        });
        reader.start();
        long began = System.nanoTime();
        start.countDown();
        Map<String, Integer> statuses = new TreeMap<>();
        int problems = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
            if (response.statusCode() >= 400 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                problems++;
            }
        }
        long floodMillis = (System.nanoTime() - began) / 1_000_000;
        flooding.set(false);
        reader.join();
        flood.shutdown();

        int refused = statuses.getOrDefault("429", 0) + statuses.getOrDefault("503", 0);
        System.out.printf("sign-ups: %d at once, answered in %d ms: %s (refused 429/503: %d, of which problem+json: %d of %d errors)%n",
                signUps, floodMillis, statuses, refused, problems, signUps - statuses.getOrDefault("201", 0));
        System.out.printf("menu idle:        n=%d p50 %.1f ms p99 %.1f ms%n", idle.size(), percentile(idle, 50), percentile(idle, 99));
        System.out.printf("menu during flood: n=%d p50 %.1f ms p99 %.1f ms%n", during.size(), percentile(during, 50), percentile(during, 99));
        System.exit(0);
    }

    /** Milliseconds of one GET /stock/menu; fails on anything but 200. */
    private static long menu(HttpClient http, URI base) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("stock/menu")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the menu answered " + response.statusCode());
        }
        return (System.nanoTime() - began) / 1_000;
    }

    private static double percentile(List<Long> micros, int percentile) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1000.0;
    }

    private SignUpFlood() {
    }
}
