package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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
import java.util.Optional;
import java.util.UUID;

/** A small client for the stock API as a test sees it: raw statuses and JSON bodies, plus the usual steps. */
final class Api {

    static final Client CLIENT = ClientBuilder.newClient();

    final String admin = Tokens.admin();
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

        JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
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

        /** A 400 problem naming these fields among its violations. */
        JsonObject violations(String... fields) {
            JsonObject problem = problem(400);
            assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
                    .extracting(v -> v.getString("field"))
                    .contains(fields);
            return problem;
        }

        String location() {
            return response.getHeaderString("Location");
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
        return answer(at(path, token).post(Entity.json(body == null ? "" : body.toString())));
    }

    Answer put(String path, String token, JsonStructure body) {
        return answer(at(path, token).put(Entity.json(body.toString())));
    }

    Answer delete(String path, String token) {
        return answer(at(path, token).delete());
    }

    /** The value of the first application metric line with this name whose labels contain {@code label}. */
    Optional<Double> metric(String name, String label) {
        String text = answer(CLIENT.target(base.toString().replaceAll("/[^/]*/?$", "") + "/metrics")
                .queryParam("scope", "application").request("text/plain").get()).expect(200).body();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    static Answer answer(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        var type = response.getMediaType();
        return new Answer(response.getStatus(), type == null ? "" : type.toString(), body, response);
    }

    // --- the usual steps of a test ---------------------------------------------------------------------------

    /** A sku no other test uses: {@code prefix-xxxxxxxx}. */
    static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject ingredientBody(String sku, String unit, long onHand, long threshold, long buffer) {
        return Json.createObjectBuilder().add("sku", sku).add("name", "Ingredient " + sku).add("unit", unit)
                .add("onHand", onHand).add("lowStockThreshold", threshold).add("safetyBuffer", buffer).build();
    }

    /** Creates an ingredient (in grams) and returns its sku. */
    String ingredient(String prefix, long onHand, long threshold, long buffer) {
        String sku = sku(prefix);
        post("stock/ingredients", admin, ingredientBody(sku, "g", onHand, threshold, buffer)).expect(201);
        return sku;
    }

    JsonObject ingredient(String sku) {
        return get("stock/ingredients/" + sku, admin).expect(200).json();
    }

    Answer move(String sku, String type, long quantity, String reason) {
        return post("stock/ingredients/" + sku + "/movements", admin, Json.createObjectBuilder()
                .add("type", type).add("quantity", quantity).add("reason", reason).build());
    }

    /** A recipe: pairs of sku and quantity. */
    static JsonArray recipe(Object... skuThenQuantity) {
        JsonArrayBuilder recipe = Json.createArrayBuilder();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            recipe.add(Json.createObjectBuilder().add("sku", (String) skuThenQuantity[i])
                    .add("quantity", ((Number) skuThenQuantity[i + 1]).longValue()));
        }
        return recipe.build();
    }

    static JsonObject productBody(String name, String category, long priceCents, JsonArray recipe) {
        return Json.createObjectBuilder().add("name", name).add("description", "Made by a test").add("category", category)
                .add("priceCents", priceCents).add("recipe", recipe).build();
    }

    /** Creates a pizza with this recipe and returns its id. */
    String product(String name, JsonArray recipe) {
        return post("stock/products", admin, productBody(unique(name), "PIZZA", 4990, recipe)).expect(201)
                .json().getString("id");
    }

    /** This product's line of the public menu. */
    JsonObject menuItem(String productId) {
        return get("stock/menu", null).expect(200).array().getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getString("productId").equals(productId))
                .findFirst().orElseThrow(() -> new AssertionError("not on the menu: " + productId));
    }

    boolean onMenu(String productId) {
        return get("stock/menu", null).expect(200).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(item -> item.getString("productId").equals(productId));
    }
}
