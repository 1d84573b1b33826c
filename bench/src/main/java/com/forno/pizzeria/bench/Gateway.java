package com.forno.pizzeria.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The platform through nginx, as a client sees it: JSON in, status and JSON out. */
final class Gateway {

    record Answer(int status, JsonValue body) {

        JsonObject json() {
            return body.asJsonObject();
        }

        Answer require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + " but got " + status + " " + body);
            }
            return this;
        }
    }

    private final URI base;
    private final HttpClient http;

    Gateway(String base, int clients) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, clients / 4)))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    Answer post(String path, String token, JsonStructure body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonValue body = text == null || text.isBlank() ? JsonValue.NULL : parse(text);
        return new Answer(response.statusCode(), body);
    }

    private static JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException notJson) {
            return Json.createValue(text);
        }
    }
}
