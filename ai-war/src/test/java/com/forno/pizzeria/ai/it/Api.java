package com.forno.pizzeria.ai.it;

import com.forno.pizzeria.testing.ServiceApi;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.net.URL;
import java.util.UUID;

/** The ai API as a test sees it, with tokens minted by the test (users-war issues them in production). */
final class Api extends ServiceApi<ServiceApi.Person> {

    Api(URL base) {
        super(base, Person::token);
    }

    static Person customer(UUID id) {
        return person(id, "customer");
    }

    static Person admin() {
        return person(UUID.randomUUID(), "admin");
    }

    Answer ask(Person who, String question) {
        return answer(at("chat", who).post(Entity.json(Json.createObjectBuilder().add("question", question).build()
                .toString())));
    }

    /** The admin's question, answered 200: {answer, intent, data, source}. */
    JsonObject chat(String question) {
        return ask(admin(), question).expect(200).json();
    }

    JsonArray recommendations(Person who, UUID customer) {
        return get("recommendations/" + customer, who).expect(200).array();
    }

    static Person person(UUID id, String role) {
        return new Person(id, Tokens.token(id, role));
    }
}
