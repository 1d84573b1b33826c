package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 token endpoint (password and refresh_token grants), rotation, reuse detection and revocation. */
class TokensIT extends ClientIT<Api> {

    static final String PASSWORD = "correct horse battery";

    @Test
    void thePasswordGrantAnswersAShortAccessTokenAndARefreshTokenNeverCached() {
        var customer = api.customer("tomas");

        Api.Answer answer = token("grant_type", "password", "username", customer.email(), "password", PASSWORD).expect(200);

        JsonObject tokens = answer.json();
        assertThat(answer.mediaType()).startsWith("application/json");
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getJsonNumber("expires_in").longValue()).isEqualTo(900);
        assertThat(tokens.getString("refresh_token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(answer.response().getHeaderString("Cache-Control")).isEqualTo("no-store");
        JsonObject claims = SignInIT.claims(tokens.getString("access_token"));
        assertThat(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue()).isEqualTo(900);
        api.get("users/me", tokens.getString("access_token")).expect(200);
    }

    @Test
    void aSignInAnswersARefreshTokenToo() {
        var customer = api.customer("teresa");

        JsonObject signedIn = api.post("users/login", null, SignInIT.credentials(customer.email(), PASSWORD)).expect(200).json();

        assertThat(signedIn.getString("tokenType")).isEqualTo("Bearer");
        assertThat(signedIn.getJsonNumber("expiresIn").longValue()).isEqualTo(900);
        JsonObject refreshed = refresh(signedIn.getString("refreshToken")).expect(200).json();
        api.get("users/me", refreshed.getString("access_token")).expect(200);
    }

    @Test
    void everyRefreshRotatesTheRefreshToken() {
        var customer = api.customer("tiago");
        String first = passwordGrant(customer.email()).getString("refresh_token");

        JsonObject second = refresh(first).expect(200).json();
        JsonObject third = refresh(second.getString("refresh_token")).expect(200).json();

        assertThat(second.getString("refresh_token")).isNotEqualTo(first);
        assertThat(third.getString("refresh_token")).isNotIn(first, second.getString("refresh_token"));
        assertThat(SignInIT.claims(third.getString("access_token")).getString("sub")).isEqualTo(customer.id());
        api.get("users/me", third.getString("access_token")).expect(200);
    }

    @Test
    void aUsedRefreshTokenPresentedAgainEndsItsWholeSessionButNoOther() {
        var customer = api.customer("tania");
        String stolen = passwordGrant(customer.email()).getString("refresh_token");
        String otherSession = passwordGrant(customer.email()).getString("refresh_token");
        String next = refresh(stolen).expect(200).json().getString("refresh_token");

        JsonObject reused = refresh(stolen).expect(400).json();

        assertThat(reused.getString("error")).isEqualTo("invalid_grant");
        assertThat(reused.getString("error_description")).isNotBlank();
        // the rotated token of that session is dead too: whoever held the copy gets nothing more
        assertThat(refresh(next).expect(400).json().getString("error")).isEqualTo("invalid_grant");
        refresh(otherSession).expect(200);
    }

    @Test
    void revokingARefreshTokenEndsItsSessionAndUnknownTokensAreFine() {
        var customer = api.customer("telma");
        String refreshToken = passwordGrant(customer.email()).getString("refresh_token");

        revoke(refreshToken).expect(200);

        assertThat(refresh(refreshToken).expect(400).json().getString("error")).isEqualTo("invalid_grant");
        revoke(refreshToken).expect(200);
        revoke("never-issued-" + System.nanoTime()).expect(200);
        assertThat(form("users/revoke").expect(400).json().getString("error")).isEqualTo("invalid_request");
    }

    @Test
    void badRequestsGetRfc6749Errors() {
        var customer = api.customer("tulio");

        assertThat(token("grant_type", "password", "username", customer.email(), "password", "not the password")
                .expect(400).json().getString("error")).isEqualTo("invalid_grant");
        assertThat(token("grant_type", "password", "username", Api.uniqueEmail("nobody"), "password", PASSWORD)
                .expect(400).json().getString("error")).isEqualTo("invalid_grant");
        assertThat(token("username", customer.email(), "password", PASSWORD).expect(400).json().getString("error"))
                .isEqualTo("invalid_request");
        assertThat(token("grant_type", "client_credentials").expect(400).json().getString("error"))
                .isEqualTo("unsupported_grant_type");
        assertThat(token("grant_type", "password", "username", customer.email()).expect(400).json().getString("error"))
                .isEqualTo("invalid_request");
        assertThat(token("grant_type", "refresh_token", "refresh_token", "x", "refresh_token", "y").expect(400).json()
                .getString("error")).isEqualTo("invalid_request");
        assertThat(refresh("never-issued").expect(400).json().getString("error")).isEqualTo("invalid_grant");
        // JSON is not a token request
        api.post("users/token", null, Json.createObjectBuilder().add("grant_type", "password").build()).problem(415);
    }

    @Test
    void aClientThatTriesToAuthenticateIsAnInvalidClient() {
        var customer = api.customer("telma");
        Form form = new Form("grant_type", "password").param("username", customer.email()).param("password", PASSWORD);
        String basic = "Basic " + Base64.getEncoder().encodeToString("an-app:its-secret".getBytes(StandardCharsets.UTF_8));

        Api.Answer answer = Api.answer(api.at("users/token", null).header("Authorization", basic).post(Entity.form(form))).expect(401);

        assertThat(answer.json().getString("error")).isEqualTo("invalid_client");
        assertThat(answer.response().getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"pizzeria\"");
        assertThat(answer.response().getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(token("grant_type", "password", "username", customer.email(), "password", PASSWORD, "client_secret", "s")
                .expect(401).json().getString("error")).isEqualTo("invalid_client");
        assertThat(form("users/revoke", "token", "never-issued", "client_secret", "s").expect(401).json().getString("error"))
                .isEqualTo("invalid_client");
        // the same credentials without a client's: signed in (a client id alone is a public client's, and welcome)
        token("grant_type", "password", "username", customer.email(), "password", PASSWORD, "client_id", "web").expect(200);
    }

    @Test
    void aRoleChangeAPasswordChangeOrADeletionEndsEverySessionOfTheUser() {
        String admin = api.admin();
        var demoted = api.customer("ursula");
        api.put("users/" + demoted.id() + "/role", admin, Json.createObjectBuilder().add("role", "kitchen").build()).expect(200);
        String kitchenSession = passwordGrant(demoted.email()).getString("refresh_token");
        api.put("users/" + demoted.id() + "/role", admin, Json.createObjectBuilder().add("role", "customer").build()).expect(200);
        assertThat(refresh(kitchenSession).expect(400).json().getString("error")).isEqualTo("invalid_grant");

        var changed = api.customer("ulisses");
        String before = passwordGrant(changed.email()).getString("refresh_token");
        api.put("users/" + changed.id(), changed.token(), Json.createObjectBuilder().add("name", "Ulisses").add("email", changed.email())
                .add("password", "a brand new secret").add("currentPassword", PASSWORD).build()).expect(200);
        assertThat(refresh(before).expect(400).json().getString("error")).isEqualTo("invalid_grant");

        var deleted = api.customer("uriel");
        String session = passwordGrant(deleted.email()).getString("refresh_token");
        api.delete("users/" + deleted.id(), deleted.token()).expect(204);
        assertThat(refresh(session).expect(400).json().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokensAreStoredOnlyAsTheirSha256() throws Exception {
        var customer = api.customer("tarsila");
        String refreshToken = passwordGrant(customer.email()).getString("refresh_token");

        try (var db = DriverManager.getConnection(System.getProperty("it.jdbc.url"), "postgres", "");
             var query = db.prepareStatement("select token_hash from users.refresh_tokens where user_id = ?::uuid")) {
            query.setString(1, customer.id());
            var result = query.executeQuery();
            var hashes = new java.util.ArrayList<String>();
            while (result.next()) {
                hashes.add(result.getString(1));
            }
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
            assertThat(hashes).contains(sha256).doesNotContain(refreshToken);
        }
    }

    // --- the endpoint as a client calls it ---------------------------------------------------------------------

    JsonObject passwordGrant(String email) {
        return token("grant_type", "password", "username", email, "password", PASSWORD).expect(200).json();
    }

    Api.Answer refresh(String refreshToken) {
        return token("grant_type", "refresh_token", "refresh_token", refreshToken);
    }

    Api.Answer revoke(String token) {
        return form("users/revoke", "token", token);
    }

    Api.Answer token(String... parameters) {
        return form("users/token", parameters);
    }

    Api.Answer form(String path, String... parameters) {
        Form form = new Form();
        for (int i = 0; i < parameters.length; i += 2) {
            form.param(parameters[i], parameters[i + 1]);
        }
        return Api.answer(api.at(path, null).post(Entity.form(form)));
    }
}
