package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operator's four questions, answered by the stack's own Prometheus from real traffic: after a short order flow
 * (a sale, a declined card, an ingredient drained below its threshold), every panel of the Grafana dashboards
 * returns data and the low-stock alert is pending or firing for that ingredient.
 */
class MonitoringIT {

    private static final URI PROMETHEUS = URI.create(System.getProperty("pizzeria.prometheus") + "/");
    private static final Path DASHBOARDS = Path.of(System.getProperty("pizzeria.monitoring.dir"), "grafana", "dashboards");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void everyDashboardPanelHasDataAndTheLowStockAlertFires() throws Exception {
        var kitchen = new Kitchen();
        // 1000 g with a 500 g threshold: three pizzas of 200 g leave 400 g, below it
        String mozzarella = kitchen.ingredient("Mozzarella", 1_000, 500);
        String pizza = kitchen.pizza("Muçarela", 4590, Map.of(mozzarella, 200L));
        var customer = Gateway.newCustomer("Otavio");
        Kitchen.place(customer.token(), Kitchen.order("tok_approved", pizza, 3), 10).expect(201);
        Kitchen.place(customer.token(), Kitchen.order("tok_declined", pizza, 1), 10).expect(201);

        List<String> queries = dashboardQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> empty = new ArrayList<>();
            for (String query : queries) {
                if (query(query).getJsonObject("data").getJsonArray("result").isEmpty()) {
                    empty.add(query);
                }
            }
            assertThat(empty).as("panel queries without data").isEmpty();
        });
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(get("api/v1/alerts").getJsonObject("data").getJsonArray("alerts").stream()
                        .map(alert -> alert.asJsonObject())
                        .filter(alert -> alert.getJsonObject("labels").getString("alertname").equals("StockLow"))
                        .filter(alert -> mozzarella.equals(alert.getJsonObject("labels").getString("sku", "")))
                        .map(alert -> alert.getString("state")))
                        .containsAnyOf("pending", "firing"));
    }

    /** Every panel's PromQL, with Grafana's variables given the values a dashboard would use. */
    static List<String> dashboardQueries() throws Exception {
        List<String> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonObject dashboard = parse(Files.readString(file));
                dashboard.getJsonArray("panels").forEach(panel -> panel.asJsonObject()
                        .getJsonArray("targets").forEach(target -> queries.add(target.asJsonObject().getString("expr")
                                .replace("$__rate_interval", "1m").replace("$__interval", "1m")
                                .replace("$__range", "1h").replace("$service", ".+"))));
            }
        }
        return queries;
    }

    private static JsonObject query(String promql) throws Exception {
        return get("api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private static JsonObject get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(PROMETHEUS.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Prometheus %s: %s", path, response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
