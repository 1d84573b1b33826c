package com.forno.pizzeria.system;

import com.forno.pizzeria.testing.JsonHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.client.ClientProperties;

/**
 * The running stack as its users reach it: through nginx, with raw statuses, headers and JSON bodies
 * ({@link JsonHttp.Answer}, read and closed by {@link JsonHttp#answer}).
 */
final class Gateway extends JsonHttp {

    static final URI BASE = URI.create(System.getProperty("pizzeria.gateway", "http://127.0.0.1:18080") + "/");
    static final Client CLIENT = ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .property(ClientProperties.FOLLOW_REDIRECTS, false)
            .register((ClientResponseFilter) (request, response) ->
                    Observed.record(request.getMethod(), request.getUri(), response.getStatus()))
            .build();

    static Invocation.Builder at(String path, String token) {
        return request(CLIENT, BASE.resolve(path), token);
    }

    static Answer get(String path, String token) {
        return answer(at(path, token).get());
    }

    static Answer post(String path, String token, JsonStructure body) {
        return answer(at(path, token).post(Entity.json(body.toString())));
    }

    static Answer put(String path, String token, JsonStructure body) {
        return answer(at(path, token).put(Entity.json(body.toString())));
    }

    // --- people -----------------------------------------------------------------------------------------------

    record Customer(String id, String email, String token) {
    }

    static final String PASSWORD = "correct horse battery";

    static Customer newCustomer(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonObject user = politely(() -> post("users", null, Json.createObjectBuilder().add("name", name).add("email", email)
                .add("password", PASSWORD).build())).expect(201).json();
        return new Customer(user.getString("id"), email, signIn(email, PASSWORD));
    }

    /** {@code count} new customers, named {@code name} and a number from 0: the many hands of a load test. */
    static List<Customer> newCustomers(String name, int count) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(newCustomer(name + " " + i));
        }
        return customers;
    }

    static String signIn(String email, String password) {
        return politely(() -> post("users/login", null, Json.createObjectBuilder().add("email", email).add("password", password).build()))
                .expect(200).json().getString("accessToken");
    }

    /**
     * As a well-behaved client: asked to slow down (429 from the gateway's sign-in and sign-up limits, which the
     * rate limit tests drain on purpose, or 503 from a busy bulkhead), it waits and asks again, for 30 s at most.
     */
    static Answer politely(java.util.function.Supplier<Answer> request) {
        Answer[] last = new Answer[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(500))
                .pollDelay(java.time.Duration.ZERO)
                .until(() -> {
                    last[0] = request.get();
                    return last[0].status() != 429 && last[0].status() != 503;
                });
        return last[0];
    }

    static String admin() {
        return signIn(System.getProperty("pizzeria.admin.email"), System.getProperty("pizzeria.admin.password"));
    }

    private Gateway() {
    }
}
