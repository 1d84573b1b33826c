package com.forno.pizzeria.faults;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the tests set up through the public API: customers (signed up and signed in), and a menu per fault. */
final class Shop {

    record Customer(String id, String token) {
    }

    /**
     * One fault's menu: two pizzas on plentiful ingredients, and one on an ingredient scarce enough to run out
     * during the stream (so that stock rejects orders). {@code onHand}: each ingredient's stock at creation.
     */
    record Menu(List<String> plentiful, String scarce, Map<String, Long> onHand, Map<String, Map<String, Long>> recipes) {
    }

    static final long SCARCE_PIZZAS = 40;

    private final Http gateway;
    private final String admin;

    Shop(Http gateway, String adminEmail, String adminPassword) throws Exception {
        this.gateway = gateway;
        this.admin = signIn(adminEmail, adminPassword);
    }

    String admin() {
        return admin;
    }

    List<Customer> customers(int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "fault-" + run + "-" + i + "@example.com";
            String password = "fault password " + run;
            String id = gateway.post("users", null, Json.createObjectBuilder().add("name", "Cliente " + i).add("email", email)
                    .add("password", password).build()).require(201, "sign up " + email).json().getString("id");
            customers.add(new Customer(id, signIn(email, password)));
        }
        return customers;
    }

    Menu menu() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Long> onHand = new LinkedHashMap<>();
        String dough = ingredient("FT-DOUGH-" + run, "Massa " + run, 5_000_000, onHand);
        String mozzarella = ingredient("FT-MOZZARELLA-" + run, "Muçarela " + run, 5_000_000, onHand);
        String sauce = ingredient("FT-SAUCE-" + run, "Molho " + run, 5_000_000, onHand);
        String truffle = ingredient("FT-TRUFFLE-" + run, "Trufa " + run, SCARCE_PIZZAS * 30, onHand);
        Map<String, Map<String, Long>> recipes = new LinkedHashMap<>();
        String margherita = pizza("Margherita " + run, 4990, Map.of(dough, 250L, mozzarella, 150L, sauce, 80L), recipes);
        String calabresa = pizza("Calabresa " + run, 5490, Map.of(dough, 250L, mozzarella, 120L, sauce, 100L), recipes);
        String tartufo = pizza("Tartufo " + run, 8990, Map.of(dough, 250L, mozzarella, 100L, truffle, 30L), recipes);
        return new Menu(List.of(margherita, calabresa), tartufo, onHand, recipes);
    }

    private String ingredient(String sku, String name, long onHand, Map<String, Long> stock) throws Exception {
        gateway.post("stock/ingredients", admin, Json.createObjectBuilder().add("sku", sku).add("name", name).add("unit", "g")
                .add("onHand", onHand).add("lowStockThreshold", 0).add("safetyBuffer", 0).build())
                .require(201, "create ingredient " + sku);
        stock.put(sku, onHand);
        return sku;
    }

    private String pizza(String name, long priceCents, Map<String, Long> recipe, Map<String, Map<String, Long>> recipes)
            throws Exception {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        recipe.forEach((sku, grams) -> lines.add(Json.createObjectBuilder().add("sku", sku).add("quantity", grams)));
        String id = gateway.post("stock/products", admin, Json.createObjectBuilder().add("name", name)
                .add("description", "fault-test pizza").add("category", "PIZZA").add("priceCents", priceCents)
                .add("recipe", lines).build()).require(201, "create product " + name).json().getString("id");
        recipes.put(id, recipe);
        return id;
    }

    private String signIn(String email, String password) throws Exception {
        return gateway.post("users/login", null, Json.createObjectBuilder().add("email", email).add("password", password).build())
                .require(200, "sign in " + email).json().getString("accessToken");
    }
}
