package com.forno.pizzeria.stock.menu.boundary;

import com.forno.pizzeria.platform.problems.Violations;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A manual 86: until {@code until} (ISO-8601, in the future), or until lifted when left out. The body itself is
 * optional ({@code POST …/sold-out} with no body is "86 until lifted"), which JSON-B binding does not allow: hence
 * this small parser.
 */
public record SoldOut(Instant until) {

    static SoldOut parse(String body) {
        if (body == null || body.isBlank()) {
            return new SoldOut(null);
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Violations("body", "must be a JSON object such as {\"until\": \"2025-05-01T23:00:00Z\"}, or empty");
        }
        JsonValue until = json.get("until");
        if (until == null || until.getValueType() == JsonValue.ValueType.NULL) {
            return new SoldOut(null);
        }
        try {
            return new SoldOut(Instant.parse(((JsonString) until).getString()));
        } catch (ClassCastException | DateTimeParseException e) {
            throw new Violations("until", "must be an ISO-8601 instant such as 2025-05-01T23:00:00Z");
        }
    }
}
