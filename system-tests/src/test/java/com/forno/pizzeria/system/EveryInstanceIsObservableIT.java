package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every instance answers health (database and broker checked), metrics and OpenAPI. */
class EveryInstanceIsObservableIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"users", "orders-1", "orders-2", "stock-1", "stock-2", "payments", "ai"})
    void healthMetricsAndOpenApiAnswer(String instance) throws Exception {
        String base = "http://127.0.0.1:" + Stack.port(instance);

        HttpResponse<String> ready = get(base + "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonObject health = parse(ready.body());
        List<String> up = health.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("status").equals("UP"))
                .map(check -> check.getString("name")).toList();
        assertThat(up).contains("database", "broker");
        assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get(base + "/metrics?scope=application");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("outbox_backlog");
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
        assertThat(answer.body()).contains("paths:");
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
