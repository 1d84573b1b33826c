package com.forno.pizzeria.orders;

import com.forno.pizzeria.testing.ServiceApi;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Entity;
import java.net.URL;
import java.util.UUID;

/** The orders API as a test sees it, with tokens minted by the test (users-war issues them in production). */
final class Api extends ServiceApi<ServiceApi.Person> {

    Api(URL base) {
        super(base, Person::token);
    }

    static Person customer() {
        return person("customer");
    }

    static Person kitchen() {
        return person("kitchen");
    }

    static Person admin() {
        return person("admin");
    }

    /** POST /orders with an Idempotency-Key and, when {@code waitSeconds} > 0, Prefer: wait. */
    Answer order(Person who, String key, JsonStructure body, int waitSeconds) {
        var request = at("orders", who).header("Idempotency-Key", key);
        if (waitSeconds > 0) {
            request = request.header("Prefer", "wait=" + waitSeconds);
        }
        return answer(request.post(Entity.json(body.toString())));
    }

    /** A new order (a fresh Idempotency-Key) for two of each product, answered 201: its body. */
    JsonObject place(Person who, String cardToken, int waitSeconds, UUID... products) {
        return order(who, key(), orderOf(cardToken, products), waitSeconds).expect(201).json();
    }

    /** POST /orders/{id}/cancel as {@code who}. */
    Answer cancel(String id, Person who) {
        return post("orders/" + id + "/cancel", who, Json.createObjectBuilder().build());
    }

    JsonObject order(String id, Person who) {
        return get("orders/" + id, who).expect(200).json();
    }

    /** The value of the first application metric line with this name whose labels contain {@code label}. */
    double metric(String name, String label) {
        return metricLine(name, label).orElse(0.0);
    }

    static JsonObject orderOf(String cardToken, UUID... products) {
        var items = Json.createArrayBuilder();
        for (UUID product : products) {
            items.add(Json.createObjectBuilder().add("productId", product.toString()).add("quantity", 2));
        }
        return Json.createObjectBuilder()
                .add("items", items)
                .add("deliveryAddress", Json.createObjectBuilder().add("street", "Rua Oscar Freire").add("number", "900")
                        .add("district", "Jardins").add("city", "São Paulo").add("state", "SP").add("postalCode", "01426001"))
                .add("payment", Json.createObjectBuilder().add("cardToken", cardToken))
                .build();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    /** Someone in this role, with a token signed with the test key pair the WAR trusts. */
    static Person person(String role) {
        UUID id = UUID.randomUUID();
        return new Person(id, Tokens.token(id, role));
    }
}
