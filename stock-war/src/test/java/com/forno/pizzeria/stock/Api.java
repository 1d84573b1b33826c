package com.forno.pizzeria.stock;

import com.forno.pizzeria.testing.ServiceApi;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Optional;
import java.util.UUID;

/** A small client for the stock API as a test sees it: raw statuses and JSON bodies, plus the usual steps. */
final class Api extends ServiceApi<String> {

    final String admin = Tokens.admin();

    Api(URL base) {
        super(base, token -> token);
    }

    /** The value of the first application metric line with this name whose labels contain {@code label}. */
    Optional<Double> metric(String name, String label) {
        return metricLine(name, label);
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
