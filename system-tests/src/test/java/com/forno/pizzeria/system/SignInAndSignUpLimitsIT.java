package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's sign-in and sign-up limits hold for every spelling of the path that reaches the users service
 * (Jersey ignores ";matrix" parameters and trailing slashes; nginx decodes and merges slashes; the Portuguese
 * alias), and for spellings in another case; a flood of sign-ups is refused while the menu keeps answering.
 * Each request of a flood signs in with an email of its own, so that the users service's own throttle of failed
 * sign-ins (429 of another type) never answers for the gateway.
 */
class SignInAndSignUpLimitsIT {

    static final ExecutorService POOL = Executors.newFixedThreadPool(64);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @ParameterizedTest(name = "POST /{0}")
    @ValueSource(strings = {"users/login", "users/login/", "users/login;x=1", "users/login;x=1/", "users//login",
            "users/;x=1/login", "users/%6Cogin", "usuarios/login", "usuarios/login/", "usuarios/login;x=1",
            "Users/Login", "USUARIOS/LOGIN", "users/token", "users/token;x=1", "usuarios/token/"})
    void everySpellingOfSignInIsRateLimited(String path) {
        int burst = Integer.getInteger("pizzeria.login.burst", 10);

        List<Gateway.Answer> answers = flood(burst * 3, () -> Gateway.post(path, null, Json.createObjectBuilder()
                .add("email", "nobody-" + UUID.randomUUID() + "@example.com").add("password", "not the password").build()));

        assertLimitedByTheGateway(answers);
        // what passed reached sign-in (401, or 503 from its bulkhead), the token endpoint (415: it takes a form, and
        // its password grant counts here like a sign-in), or nothing at all for another case (404, 405)
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(401, 404, 405, 415, 429, 503));
    }

    @ParameterizedTest(name = "POST /{0}")
    @ValueSource(strings = {"users", "users/", "users;x=1", "users//", "usuarios", "usuarios/", "Users", "USUARIOS"})
    void everySpellingOfSignUpIsRateLimited(String path) {
        int burst = Integer.getInteger("pizzeria.signup.burst", 10);

        // an invalid sign-up: what passes the gateway is refused at once (400), no account is made
        List<Gateway.Answer> answers = flood(burst * 3, () -> Gateway.post(path, null, Json.createObjectBuilder()
                .add("name", "Flood").build()));

        assertLimitedByTheGateway(answers);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(400, 404, 405, 429));
    }

    @Test
    void aFloodOfSignUpsIsMostlyRefusedWhileTheMenuAnswers() {
        List<CompletableFuture<Gateway.Answer>> signUps = new ArrayList<>();
        List<CompletableFuture<Gateway.Answer>> menus = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String email = "flood-" + UUID.randomUUID() + "@example.com";
            signUps.add(CompletableFuture.supplyAsync(() -> Gateway.post("users", null, Json.createObjectBuilder()
                    .add("name", "Flood").add("email", email).add("password", Gateway.PASSWORD).build()), POOL));
            if (i % 4 == 0) {
                menus.add(CompletableFuture.supplyAsync(() -> Gateway.get("stock/menu", null), POOL));
            }
        }
        List<Gateway.Answer> answers = signUps.stream().map(CompletableFuture::join).toList();

        assertThat(menus).allSatisfy(menu -> assertThat(menu.join().status()).isEqualTo(200));
        List<Gateway.Answer> refused = answers.stream().filter(a -> a.status() == 429 || a.status() == 503).toList();
        assertThat(refused).hasSizeGreaterThan(answers.size() / 2);
        refused.forEach(answer -> {
            answer.problem(answer.status());
            assertThat(answer.header("Retry-After")).isNotBlank();
        });
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 429, 503));
        // and a customer who signs up afterwards, politely, gets in
        Gateway.newCustomer("After The Flood");
    }

    private static List<Gateway.Answer> flood(int requests, Supplier<Gateway.Answer> request) {
        List<CompletableFuture<Gateway.Answer>> flood = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            flood.add(CompletableFuture.supplyAsync(request, POOL));
        }
        return flood.stream().map(CompletableFuture::join).toList();
    }

    /** Some answers are the gateway's own 429 (not the users service's throttle), as problems with Retry-After. */
    private static void assertLimitedByTheGateway(List<Gateway.Answer> answers) {
        List<Gateway.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(limited).as("429s among %s", answers.stream().map(Gateway.Answer::status).toList()).isNotEmpty();
        limited.forEach(answer -> {
            JsonObject problem = answer.problem(429);
            assertThat(problem.getString("type")).isEqualTo("about:blank");
            assertThat(problem.getString("detail")).contains("from this address");
            assertThat(answer.header("Retry-After")).isNotBlank();
        });
    }
}
