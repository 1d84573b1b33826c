package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Key rotation with no redeploy, on the whole stack: {@code bin/pizzeria keys rotate} adds a key, which the users
 * service lists in its JWKS and then signs with; every instance of every service, verifying through that JWKS,
 * accepts the new tokens; {@code keys retire} removes the old key, and every instance then refuses the tokens it
 * signed (401 problem+json) once its cached JWKS expires (the stack runs with a 5 s cache).
 */
class KeyRotationIT {

    @Test
    void aTokenOfTheNewKeyIsAcceptedEverywhereAndOneOfARetiredKeyRefusedEverywhere() throws Exception {
        var customer = Gateway.newCustomer("Rotacao");
        String oldKid = SignInHeader.kid(customer.token());
        assertThat(jwksKids()).contains(oldKid);
        JsonObject discovery = Gateway.get(".well-known/openid-configuration", null).expect(200).json();
        assertThat(discovery.getString("jwks_uri")).isEqualTo(Gateway.BASE + ".well-known/jwks.json");
        assertThat(discovery.getString("token_endpoint")).isEqualTo(Gateway.BASE + "users/token");
        EveryInstance.read(customer.id(), customer.token()).forEach((instance, answer) ->
                assertThat(answer.status()).as("%s, before the rotation: %s", instance, answer.body()).isEqualTo(200));

        launcher("keys", "rotate");

        // the new key is listed at once, and signs once every verifier may have fetched it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jwksKids()).hasSize(2).contains(oldKid));
        String[] refreshToken = {SessionsThroughTheGatewayIT.token("grant_type", "password", "username", customer.email(),
                "password", Gateway.PASSWORD).expect(200).json().getString("refresh_token")};
        String[] fresh = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonObject tokens = SessionsThroughTheGatewayIT.refresh(refreshToken[0]).expect(200).json();
            refreshToken[0] = tokens.getString("refresh_token");
            fresh[0] = tokens.getString("access_token");
            return !SignInHeader.kid(fresh[0]).equals(oldKid);
        });
        String newKid = SignInHeader.kid(fresh[0]);
        assertThat(jwksKids()).contains(newKid);
        EveryInstance.read(customer.id(), fresh[0]).forEach((instance, answer) ->
                assertThat(answer.status()).as("%s, a token of the new key: %s", instance, answer.body()).isEqualTo(200));
        EveryInstance.read(customer.id(), customer.token()).forEach((instance, answer) ->
                assertThat(answer.status()).as("%s, a token of the old key still listed: %s", instance, answer.body()).isEqualTo(200));

        launcher("keys", "retire", "--force");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jwksKids()).containsExactly(newKid));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                EveryInstance.read(customer.id(), customer.token()).forEach((instance, answer) ->
                        assertThat(answer.status()).as("%s, a token of the retired key: %s", instance, answer.body()).isEqualTo(401)));
        EveryInstance.read(customer.id(), customer.token()).forEach((instance, answer) -> answer.problem(401));
        EveryInstance.read(customer.id(), fresh[0]).forEach((instance, answer) ->
                assertThat(answer.status()).as("%s, a token of the new key after the retirement: %s", instance, answer.body()).isEqualTo(200));
        Gateway.get("users/me", customer.token()).problem(401);
    }

    static List<String> jwksKids() {
        Gateway.Answer answer = Gateway.get(".well-known/jwks.json", null).expect(200);
        assertThat(answer.header("Cache-Control")).contains("max-age=");
        return answer.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(key -> key.getString("kid")).toList();
    }

    /** The kid of a compact JWS's header. */
    static final class SignInHeader {
        static String kid(String token) {
            String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(header))) {
                return reader.readObject().getString("kid");
            }
        }
    }

    static String launcher(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(System.getProperty("pizzeria.launcher")));
        command.addAll(List.of(arguments));
        var errorsFile = Files.createTempFile(Stack.STATE.resolve("logs"), "launcher-", ".err");
        Process process = new ProcessBuilder(command).redirectError(errorsFile.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("bin/pizzeria %s: %s", String.join(" ", arguments), Files.readString(errorsFile)).isZero();
        return output;
    }
}
