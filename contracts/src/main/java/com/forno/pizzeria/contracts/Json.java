package com.forno.pizzeria.contracts;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** The one JSON mapping of the contracts: JSON-B (Yasson inside Payara), nulls left out, ISO-8601 instants. */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    /**
     * JSON-P, looked up once: {@code jakarta.json.Json}'s static methods look the provider up through the class
     * loader on every call, which under load cost orders and payments a tenth of their CPU.
     */
    public static final JsonProvider JSONP = JsonProvider.provider();

    private Json() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    public static JsonObject toJsonObject(Object value) {
        try (var reader = JSONP.createReader(new StringReader(toJson(value)))) {
            return reader.readObject();
        }
    }
}
