package com.forno.pizzeria.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The read side (reports) under measurement. Two modes:
 * <ul>
 * <li>{@code lag <orders-instance-url>... --until <file>}: samples {@code reports_lag_seconds} of the orders
 * instances every 200 ms until the file exists (while a load scenario runs), then prints its percentiles and the mean
 * delay from an event's creation to its application ({@code reports_event_delay_seconds}).</li>
 * <li>{@code reports <gateway> <admin-email> <admin-password> <clients> <requests>}: rebuilds the read model from
 * every order in the database (printing how long it took), then asks each report {@code requests} times from
 * {@code clients} clients and prints p50/p99/max of each.</li>
 * </ul>
 */
public final class ReportsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "lag" -> lag(args);
            case "reports" -> reports(args);
            default -> {
                System.err.println("usage: ReportsBench lag <orders-url>... --until <file>"
                        + " | reports <gateway> <admin-email> <admin-password> <clients> <requests>");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void lag(String[] args) throws Exception {
        List<String> instances = new ArrayList<>();
        Path until = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--until")) {
                until = Path.of(args[++i]);
            } else {
                instances.add(args[i]);
            }
        }
        double[] delayBefore = delay(instances);
        Histogram lag = new Histogram(3_600_000L, 3); // milliseconds
        while (until == null || !Files.exists(until)) {
            double worst = 0;
            for (String instance : instances) {
                worst = Math.max(worst, metric(metrics(instance), "reports_lag_seconds"));
            }
            lag.recordValue(Math.round(worst * 1000));
            Thread.sleep(200);
        }
        double[] delayAfter = delay(instances);
        double events = delayAfter[0] - delayBefore[0];
        System.out.printf("read side lag (ms, %d samples)   p50 %d  p99 %d  max %d%n", lag.getTotalCount(),
                lag.getValueAtPercentile(50), lag.getValueAtPercentile(99), lag.getMaxValue());
        System.out.printf("event to read side (ms, mean)    %.1f over %.0f events%n",
                events == 0 ? 0 : 1000 * (delayAfter[1] - delayBefore[1]) / events, events);
    }

    /** The sums over the instances of reports_event_delay_seconds_count and _sum. */
    private static double[] delay(List<String> instances) throws Exception {
        double[] total = new double[2];
        for (String instance : instances) {
            String text = metrics(instance);
            total[0] += metric(text, "reports_event_delay_seconds_count");
            total[1] += metric(text, "reports_event_delay_seconds_sum");
        }
        return total;
    }

    private static void reports(String[] args) throws Exception {
        Gateway gateway = new Gateway(args[1], Integer.parseInt(args[4]));
        String admin = gateway.post("users/login", null, Json.createObjectBuilder().add("email", args[2])
                .add("password", args[3]).build()).require(200, "admin sign-in").json().getString("accessToken");
        int clients = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);

        long began = System.nanoTime();
        String run = gateway.post("reports/rebuild", admin, Json.createObjectBuilder().build())
                .require(202, "rebuild").json().getString("id");
        long orders;
        while (true) {
            var latest = gateway.get("reports/rebuild", admin).require(200, "rebuild state").json();
            if (latest.getString("id").equals(run) && !latest.getString("state").equals("RUNNING")) {
                orders = latest.getJsonNumber("orders").longValue();
                if (!latest.getString("state").equals("DONE")) {
                    throw new IllegalStateException("the rebuild failed: " + latest);
                }
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%n== reports over %d orders (read model rebuilt in %.1f s, %.0f orders/s)%n", orders,
                seconds, orders / seconds);

        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        String month = "from=" + today.minusDays(29) + "&to=" + today;
        List<String> paths = List.of("reports/sales?" + month, "reports/orders/in-progress",
                "reports/payments?bucket=hour&from=" + today + "&to=" + today, "reports/payments?bucket=day&" + month,
                "reports/rejections?" + month, "reports/products?limit=10&" + month,
                "orders?status=DELIVERED&limit=20", "orders?q=" + "3", "orders?day=" + today + "&limit=20");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (String path : paths) {
            Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
            for (int warm = 0; warm < 20; warm++) {
                gateway.get(path, admin).require(200, path);
            }
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requests / clients; i++) {
                        long start = System.nanoTime();
                        gateway.get(path, admin).require(200, path);
                        latency.recordValue((System.nanoTime() - start) / 1000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            System.out.printf("%-55s p50 %6.1f  p99 %6.1f  max %6.1f ms%n", "GET /" + path,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0);
        }
        pool.shutdown();
    }

    private static String metrics(String instance) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance + "/metrics?scope=application"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The first value of the metric with this name (any labels), 0 when absent. */
    private static double metric(String text, String name) {
        return text.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }

    private ReportsBench() {
    }
}
