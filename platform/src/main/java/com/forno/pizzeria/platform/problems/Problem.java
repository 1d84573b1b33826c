package com.forno.pizzeria.platform.problems;

import static com.forno.pizzeria.contracts.Json.JSONP;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. Generic HTTP failures use {@code about:blank} with the status's reason phrase as
 * title; the services' own problems have a stable {@code type} under {@link #TYPE_BASE}.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pizzeria.forno.com/problems/";

    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String detail) {
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    public static Problem typed(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public Problem at(String instance) {
        return new Problem(type, title, status, detail, instance, violations);
    }

    public Problem with(List<Violation> violations) {
        return new Problem(type, title, status, detail, instance, List.copyOf(violations));
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JSONP.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (!violations.isEmpty()) {
            JsonArrayBuilder list = JSONP.createArrayBuilder();
            violations.forEach(v -> list.add(JSONP.createObjectBuilder().add("field", v.field()).add("message", v.message())));
            json.add("violations", list);
        }
        return json.build();
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson().toString()).build();
    }
}
