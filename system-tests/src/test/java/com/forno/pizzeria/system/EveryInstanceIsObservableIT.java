package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every instance answers health (database and broker checked), metrics and OpenAPI. */
class EveryInstanceIsObservableIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"users", "orders-1", "orders-2", "stock-1", "stock-2", "payments", "ai"})
    void healthMetricsAndOpenApiAnswer(String instance) throws Exception {
        String base = "http://127.0.0.1:" + Stack.port(instance);

        // The tests before this one kill and restart instances, and load them: an instance may answer "not ready"
        // for a moment (a restarted one still compiling on the same two cores, or reconnecting to the broker). It
        // must be up within 30 s, less than our Kubernetes liveness probe tolerates (3 failures 20 s apart); if it
        // is not, the failure shows its checks.
        JsonObject health = parse(upWithin(base + "/health/ready", instance).body());
        List<String> up = health.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("status").equals("UP"))
                .map(check -> check.getString("name")).toList();
        assertThat(up).contains("database", "broker");
        upWithin(base + "/health/live", instance);

        HttpResponse<String> metrics = get(base + "/metrics?scope=application");
        assertThat(metrics.statusCode()).isEqualTo(200);
        // only the services that send messages have an outbox to watch (users and ai use no broker)
        boolean messaging = !instance.equals("users") && !instance.equals("ai");
        assertThat(metrics.body().contains("outbox_backlog")).as("outbox_backlog on " + instance).isEqualTo(messaging);
        if (messaging) {
            assertThat(metrics.body()).contains("periodic_task_failures_total").contains("outbox-relay");
        }
        assertThat(get(base + "/metrics?scope=base").body()).contains("memory");

        HttpResponse<String> openapi = get(base + "/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("openapi:").contains("paths:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "orders", "stock", "payments", "ai"})
    void eachServicesOpenApiIsPublishedThroughTheGateway(String service) {
        var answer = Gateway.answer(Gateway.CLIENT.target(Gateway.BASE.resolve(service + "/openapi")).request().get());

        answer.expect(200);
        // named by its own configuration (pizzeria.api.title), through the platform's document filter
        String title = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        assertThat(answer.body()).contains("paths:").contains("title: " + title);
    }

    private static HttpResponse<String> upWithin(String url, String instance) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await(url).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last.set(get(url));
            assertThat(last.get().statusCode()).as("%s of %s: %s", url, instance, last.get().body()).isEqualTo(200);
        });
        return last.get();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
