package com.forno.pizzeria.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON over HTTP as a test sees it: the raw status, media type, headers and body of an answer, and the assertions
 * every test makes on them. Subclasses inherit {@link Answer}, so a module's {@code Api.Answer} is this one.
 */
public class JsonHttp {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    /**
     * One answer, read whole. {@code headers} are keyed by lower-case name; {@code response} is the JAX-RS response
     * it was read from (closed: its status and headers remain readable), or null when it came another way.
     */
    public record Answer(int status, String mediaType, String body, Map<String, String> headers, Response response) {

        public Answer(int status, String mediaType, String body, Map<String, String> headers) {
            this(status, mediaType, body, headers, null);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public JsonValue value() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readValue();
            }
        }

        public Answer expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        /** An RFC 9457 problem with this status, rendered by the platform's mappers or the gateway, never a page. */
        public JsonObject problem(int expected) {
            expect(expected);
            assertThat(mediaType).as("media type of %s", body).startsWith("application/problem+json");
            JsonObject problem = json();
            assertThat(problem.getInt("status")).isEqualTo(expected);
            assertThat(problem.getString("title")).isNotBlank();
            assertThat(problem.getString("type")).isNotBlank();
            assertThat(body).doesNotContain("<html").doesNotContain("Exception");
            return problem;
        }

        /** A 400 problem naming these fields among its violations. */
        public JsonObject violations(String... fields) {
            JsonObject problem = problem(400);
            assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                    .extracting(v -> v.getString("field"))
                    .contains(fields);
            return problem;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String location() {
            return header("Location");
        }
    }

    /** A request for JSON (or a problem), with a bearer token unless {@code token} is null. */
    public static Invocation.Builder request(Client client, URI uri, String token) {
        var request = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE, PROBLEM_JSON);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Reads the response whole and closes it. */
    public static Answer answer(Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            var type = response.getMediaType();
            var headers = new HashMap<String, String>();
            response.getStringHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Answer(response.getStatus(), type == null ? "" : type.toString(), body, headers, response);
        }
    }

    /**
     * The value of the first sample {@code name} in Prometheus text whose labels include all of {@code labels}
     * ({@code key="value"} or any part of the label set), if there is one.
     */
    public static Optional<Double> firstSample(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Optional.of(Double.parseDouble(line.group(2)));
            }
        }
        return Optional.empty();
    }

    protected JsonHttp() {
    }
}
