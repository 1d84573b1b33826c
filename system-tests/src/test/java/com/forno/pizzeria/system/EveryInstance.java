package com.forno.pizzeria.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A token shown to every instance of every service directly (not through the gateway, which would pick one of two
 * orders or stock instances): each verifies tokens on its own, with its own cached JWKS and cut-offs.
 */
final class EveryInstance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What each instance answers a customer's read that needs a valid token (the menu: a bad token is 401 there too). */
    static Map<String, Gateway.Answer> read(String customerId, String token) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("users", "users/me");
        paths.put("orders-1", "orders");
        paths.put("orders-2", "orders");
        paths.put("stock-1", "stock/menu");
        paths.put("stock-2", "stock/menu");
        paths.put("payments", "payments?orderId=" + UUID.randomUUID());
        paths.put("ai", "recommendations/" + customerId + "?limit=1");
        Map<String, Gateway.Answer> answers = new LinkedHashMap<>();
        paths.forEach((instance, path) -> answers.put(instance, get(instance, path, token)));
        return answers;
    }

    static Gateway.Answer get(String instance, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(instance) + "/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
            return new Gateway.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EveryInstance() {
    }
}
