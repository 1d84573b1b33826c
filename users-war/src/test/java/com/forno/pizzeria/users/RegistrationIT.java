package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.client.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RegistrationIT extends ClientIT<Api> {

    @Test
    void registersACustomerWithANormalisedEmailAndABrazilianAddress() {
        String email = Api.uniqueEmail("Ana");
        JsonObject body = Json.createObjectBuilder(Api.registration("Ana Souza", "  " + email.toUpperCase() + " ", "segredo-forte-1"))
                .add("phone", "(11) 98765-4321")
                .add("address", Json.createObjectBuilder(Api.address()).add("state", "sp").add("postalCode", "01304001"))
                .build();

        var answer = api.post("users", null, body).expect(201);

        JsonObject user = answer.json();
        assertThat(user.getString("email")).isEqualTo(email.toLowerCase());
        assertThat(user.getString("role")).isEqualTo("customer");
        assertThat(user.getString("phone")).isEqualTo("+5511987654321");
        assertThat(user.getJsonObject("address").getString("state")).isEqualTo("SP");
        assertThat(user.getJsonObject("address").getString("postalCode")).isEqualTo("01304-001");
        assertThat(user.containsKey("password")).isFalse();
        assertThat(user.containsKey("passwordHash")).isFalse();
        assertThat(answer.response().getLocation().getPath()).endsWith("/users/" + user.getString("id"));
    }

    @Test
    void theSameEmailInAnotherSpellingIsAConflict() {
        String email = Api.uniqueEmail("bruno");
        api.post("users", null, Api.registration("Bruno", email, "segredo-forte-1")).expect(201);

        JsonObject problem = api.post("users", null, Api.registration("Bruno 2", email.toUpperCase(), "segredo-forte-2"))
                .problem(409);

        assertThat(problem.getString("type")).endsWith("/email-taken");
    }

    @Test
    void everyInvalidFieldIsListed() {
        JsonObject body = Json.createObjectBuilder()
                .add("name", "")
                .add("email", "not-an-email")
                .add("password", "short")
                .add("phone", "123")
                .add("address", Json.createObjectBuilder().add("street", "Rua A").add("number", "1")
                        .add("district", "Centro").add("city", "Recife").add("state", "XX").add("postalCode", "5000"))
                .build();

        JsonObject problem = api.post("users", null, body).problem(400);

        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactlyInAnyOrder("name", "email", "password", "phone", "address.state", "address.postalCode");
    }

    @Test
    void missingFieldsAreViolationsToo() {
        JsonObject problem = api.post("users", null, Json.createObjectBuilder().add("name", "Caio").build()).problem(400);

        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void aSignUpFloodIsShedWhileATakenEmailAndOtherRequestsAreAnsweredAtOnce() throws Exception {
        var customer = api.customer("wagner");
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Api.Answer>> signUps = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                signUps.add(pool.submit(() -> api.post("users", null,
                        Api.registration("Flood", Api.uniqueEmail("flood"), "correct horse battery"))));
            }
            List<Future<Api.Answer>> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(pool.submit(() -> api.get("users/me", customer.token())));
                // the email is checked before the bulkhead and the hash: a conflict, never "busy"
                others.add(pool.submit(() -> api.post("users", null,
                        Api.registration("Again", customer.email(), "correct horse battery"))));
            }

            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Answer> signUp : signUps) {
                Api.Answer answer = signUp.get();
                statuses.add(answer.status());
                if (answer.status() == 503) {
                    answer.problem(503);
                    assertThat(answer.response().getHeaderString("Retry-After")).isNotBlank();
                }
            }
            assertThat(statuses).containsOnly(201, 503).contains(201, 503);
            List<Integer> otherStatuses = new ArrayList<>();
            for (Future<Api.Answer> other : others) {
                otherStatuses.add(other.get().status());
            }
            assertThat(otherStatuses).containsExactly(200, 409, 200, 409, 200, 409, 200, 409);
        } finally {
            pool.shutdownNow();
        }
        api.post("users", null, Api.registration("After", Api.uniqueEmail("after"), "correct horse battery")).expect(201);
    }

    @Test
    void aPasswordEqualToTheEmailIsRefused() {
        String email = Api.uniqueEmail("dani");

        JsonObject problem = api.post("users", null, Api.registration("Dani", email, email)).problem(400);

        assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("password");
    }

    @Test
    void aBodyCannotChooseItsRoleIdOrCreationTime() {
        JsonObject body = Json.createObjectBuilder(Api.registration("Eva", Api.uniqueEmail("eva"), "segredo-forte-1"))
                .add("role", "admin").add("id", "7f3c1a2b-0000-4000-8000-000000000001").add("createdAt", "2020-01-01T00:00:00Z")
                .build();

        JsonObject problem = api.post("users", null, body).problem(400);

        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactlyInAnyOrder("role", "id", "createdAt");
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        var answer = Api.answer(api.at("users", null).post(Entity.json("{\"name\": ")));

        JsonObject problem = answer.problem(400);
        assertThat(problem.getString("detail")).doesNotContain("Exception");
    }

    @Test
    void onlyJsonIsAccepted() {
        var answer = Api.answer(api.at("users", null).post(Entity.text("name=Ana")));

        answer.problem(415);
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        api.get("nowhere", null).problem(404);
        api.get("users/" + java.util.UUID.randomUUID() + "/nothing-here", null).problem(404);
        var notAllowed = Api.answer(api.at("users/login", null).get());
        assertThat(notAllowed.problem(405).get("instance")).isInstanceOf(JsonString.class);
    }
}
