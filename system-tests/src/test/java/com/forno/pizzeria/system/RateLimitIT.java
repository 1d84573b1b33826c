package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gateway sheds a sign-in flood with 429 problems, and lets sign-ins through again right after. */
class RateLimitIT {

    @Test
    void aBurstOfSignInsBeyondTheLimitGets429() {
        int burst = Integer.getInteger("pizzeria.login.burst", 10);
        // an email of its own per request: the users service's throttle of one account's failures stays out of it
        Supplier<JsonObject> wrong = () -> Json.createObjectBuilder().add("email", "nobody-" + UUID.randomUUID() + "@example.com")
                .add("password", "not the password").build();

        List<CompletableFuture<Gateway.Answer>> flood = new ArrayList<>();
        for (int i = 0; i < burst * 3; i++) {
            flood.add(CompletableFuture.supplyAsync(() -> Gateway.post("users/login", null, wrong.get())));
        }
        List<Gateway.Answer> answers = flood.stream().map(CompletableFuture::join).toList();

        List<Gateway.Answer> limited = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(limited).isNotEmpty();
        limited.forEach(answer -> {
            answer.problem(429);
            assertThat(answer.header("Retry-After")).isNotBlank();
        });
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(401, 429, 503));
        // the bucket refills: a real sign-in goes through again
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.post("users/login", null, wrong.get()).status() == 401);
    }
}
