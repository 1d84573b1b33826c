package com.forno.pizzeria.users;

import com.forno.pizzeria.testing.ServiceApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;

/** A small client for the users API as a test sees it: raw statuses and JSON bodies, with bearer tokens. */
final class Api extends ServiceApi<String> {

    Api(URL base) {
        super(base, token -> token);
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
