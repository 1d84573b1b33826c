package com.forno.pizzeria.faults;

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

/** The stack through nginx, as its clients reach it: JSON in, status and JSON out. */
final class Http {

    record Answer(int status, String body) {

        JsonObject json() {
            return value().asJsonObject();
        }

        JsonValue value() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        Answer require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + " but got " + status + " " + body);
            }
            return this;
        }

        boolean serverError() {
            return status >= 500;
        }
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Http(URI base) {
        this.base = base;
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token, Duration.ofSeconds(20)).GET().build());
    }

    /** POST with extra headers given as name, value, name, value... */
    Answer post(String path, String token, JsonStructure body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token, timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Answer post(String path, String token, JsonStructure body) throws IOException, InterruptedException {
        return post(path, token, body, Duration.ofSeconds(20));
    }

    private HttpRequest.Builder request(String path, String token, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
