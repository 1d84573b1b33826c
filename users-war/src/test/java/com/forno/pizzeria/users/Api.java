package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.util.UUID;

/** A small client for the users API as a test sees it: raw statuses and JSON bodies. */
final class Api {

    static final Client CLIENT = ClientBuilder.newClient();

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toString());
    }

    record Answer(int status, String mediaType, String body, Response response) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        Answer expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        /** An RFC 9457 problem with this status. */
        JsonObject problem(int expected) {
            expect(expected);
            assertThat(mediaType).startsWith("application/problem+json");
            JsonObject problem = json();
            assertThat(problem.getInt("status")).isEqualTo(expected);
            assertThat(problem.getString("title")).isNotBlank();
            assertThat(problem.containsKey("type")).isTrue();
            return problem;
        }
    }

    Invocation.Builder at(String path, String token) {
        var request = CLIENT.target(base.resolve(path)).request(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf("application/problem+json"));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    Answer get(String path, String token) {
        return answer(at(path, token).get());
    }

    Answer post(String path, String token, JsonStructure body) {
        return answer(at(path, token).post(Entity.json(body.toString())));
    }

    Answer put(String path, String token, JsonStructure body) {
        return answer(at(path, token).put(Entity.json(body.toString())));
    }

    Answer delete(String path, String token) {
        return answer(at(path, token).delete());
    }

    static Answer answer(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        var type = response.getMediaType();
        return new Answer(response.getStatus(), type == null ? "" : type.toString(), body, response);
    }

    // --- the usual steps of a test ---------------------------------------------------------------------------

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static JsonObject registration(String name, String email, String password) {
        return Json.createObjectBuilder().add("name", name).add("email", email).add("password", password).build();
    }

    static JsonObject address() {
        return Json.createObjectBuilder()
                .add("street", "Rua Augusta").add("number", "1500").add("complement", "apto 12")
                .add("district", "Consolação").add("city", "São Paulo").add("state", "SP").add("postalCode", "01304-001")
                .build();
    }

    /** Registers a customer and signs in: returns {id, email, token}. */
    Customer customer(String who) {
        String email = uniqueEmail(who);
        JsonObject user = post("users", null, registration(who, email, "correct horse battery")).expect(201).json();
        return new Customer(user.getString("id"), email, signIn(email, "correct horse battery"));
    }

    String signIn(String email, String password) {
        return post("users/login", null, Json.createObjectBuilder().add("email", email).add("password", password).build())
                .expect(200).json().getString("accessToken");
    }

    String admin() {
        return signIn(System.getProperty("it.admin.email"), System.getProperty("it.admin.password"));
    }

    record Customer(String id, String email, String token) {
    }
}
