package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Sign-in as an OAuth 2.0 provider, through the gateway as an app would do it: the password grant, refresh tokens
 * that rotate on every use, a used one presented again ending its whole session, sign-out by revocation, the
 * sign-in's own refresh token, and the limits that hold on the token endpoint too (it hashes a password).
 */
class SessionsThroughTheGatewayIT {

    @Test
    void anAppSignsInRefreshesDetectsAStolenTokenAndSignsOut() {
        var customer = Gateway.newCustomer("Sessao");

        JsonObject first = token("grant_type", "password", "username", customer.email(), "password", Gateway.PASSWORD)
                .expect(200).json();
        assertThat(first.getString("token_type")).isEqualTo("Bearer");
        assertThat(first.getJsonNumber("expires_in").longValue()).isEqualTo(900);
        Gateway.get("users/me", first.getString("access_token")).expect(200);
        Gateway.get("orders", first.getString("access_token")).expect(200);

        // every refresh gives a new refresh token, and the access token works at every service
        JsonObject second = refresh(first.getString("refresh_token")).expect(200).json();
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        Gateway.get("recommendations/" + customer.id() + "?limit=1", second.getString("access_token")).expect(200);

        // the first refresh token used again (a copy someone kept): refused, and the session is over for everyone
        JsonObject reused = refresh(first.getString("refresh_token")).expect(400).json();
        assertThat(reused.getString("error")).isEqualTo("invalid_grant");
        assertThat(refresh(second.getString("refresh_token")).expect(400).json().getString("error")).isEqualTo("invalid_grant");

        // a new session through the Portuguese alias, and sign-out by revocation
        JsonObject third = Gateway.politely(() -> form("usuarios/token", "grant_type", "password", "username", customer.email(),
                "password", Gateway.PASSWORD)).expect(200).json();
        form("users/revoke", "token", third.getString("refresh_token")).expect(200);
        assertThat(refresh(third.getString("refresh_token")).expect(400).json().getString("error")).isEqualTo("invalid_grant");
        form("users/revoke", "token", "never-issued").expect(200);
    }

    @Test
    void theSignInsRefreshTokenContinuesItsSessionAndARoleChangeEndsIt() {
        var cook = Gateway.newCustomer("Cozinheiro Sessao");
        JsonObject signedIn = Gateway.politely(() -> Gateway.post("users/login", null, Json.createObjectBuilder()
                .add("email", cook.email()).add("password", Gateway.PASSWORD).build())).expect(200).json();
        String refreshToken = signedIn.getString("refreshToken");
        String next = refresh(refreshToken).expect(200).json().getString("refresh_token");

        Gateway.put("users/" + cook.id() + "/role", Gateway.admin(), Json.createObjectBuilder().add("role", "kitchen").build())
                .expect(200);

        assertThat(refresh(next).expect(400).json().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void badTokenRequestsAreRfc6749Errors() {
        Gateway.Answer wrong = token("grant_type", "password", "username", "nobody-" + java.util.UUID.randomUUID() + "@example.com",
                "password", "not the password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.mediaType()).startsWith("application/json");
        assertThat(wrong.json().getString("error")).isEqualTo("invalid_grant");
        assertThat(wrong.header("Cache-Control")).isEqualTo("no-store");
        assertThat(token("grant_type", "authorization_code").expect(400).json().getString("error")).isEqualTo("unsupported_grant_type");
        assertThat(token().expect(400).json().getString("error")).isEqualTo("invalid_request");
        // JSON is not a token request: the endpoint takes a form
        Gateway.politely(() -> Gateway.post("users/token", null, Json.createObjectBuilder().add("grant_type", "password").build()))
                .problem(415);
    }

    @Test
    void aClientThatAuthenticatesIsNoClientOfThisProvider() {
        String basic = "Basic " + Base64.getEncoder().encodeToString("some-app:its-secret".getBytes(StandardCharsets.UTF_8));
        Gateway.Answer token = Gateway.politely(() -> Gateway.answer(Gateway.at("users/token", null)
                .header("Authorization", basic)
                .post(Entity.form(new Form("grant_type", "password").param("username", "a@example.com").param("password", "x")))));
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().getString("error")).isEqualTo("invalid_client");
        assertThat(token.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(form("users/revoke", "token", "never-issued", "client_secret", "its-secret").expect(401).json()
                .getString("error")).isEqualTo("invalid_client");
    }

    static Gateway.Answer refresh(String refreshToken) {
        return token("grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    static Gateway.Answer token(String... parameters) {
        return Gateway.politely(() -> form("users/token", parameters));
    }

    static Gateway.Answer form(String path, String... parameters) {
        Form form = new Form();
        for (int i = 0; i < parameters.length; i += 2) {
            form.param(parameters[i], parameters[i + 1]);
        }
        return Gateway.answer(Gateway.at(path, null).post(Entity.form(form)));
    }
}
