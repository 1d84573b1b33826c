package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.io.StringReader;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class SignInIT extends ClientIT<Api> {

    static final String ISSUER = "https://pizzeria.forno.com";

    @Test
    void theTokenCarriesWhatEveryServiceVerifies() {
        var customer = api.customer("fabio");

        JsonObject claims = claims(customer.token());

        assertThat(claims.getString("iss")).isEqualTo(ISSUER);
        assertThat(claims.getString("sub")).isEqualTo(customer.id());
        assertThat(claims.getString("upn")).isEqualTo(customer.email());
        assertThat(claims.getJsonArray("groups").getString(0)).isEqualTo("customer");
        assertThat(claims.getString("aud")).isEqualTo("pizzeria");
        assertThat(claims.getString("jti")).isNotBlank();
        assertThat(claims.getJsonNumber("exp").longValue()).isGreaterThan(claims.getJsonNumber("iat").longValue());
        assertThat(header(customer.token()).getString("alg")).isEqualTo("RS256");
        api.get("users/me", customer.token()).expect(200);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        var customer = api.customer("gabi");

        var wrongPassword = api.post("users/login", null, credentials(customer.email(), "not the password"));
        var unknownEmail = api.post("users/login", null, credentials(Api.uniqueEmail("nobody"), "not the password"));

        JsonObject first = wrongPassword.problem(401);
        JsonObject second = unknownEmail.problem(401);
        assertThat(first.getString("type")).isEqualTo(second.getString("type"));
        assertThat(first.getString("detail")).isEqualTo(second.getString("detail"));
    }

    @Test
    void passwordsAreStoredAsPbkdf2With600000Iterations() throws Exception {
        var customer = api.customer("hugo");

        try (var db = DriverManager.getConnection(System.getProperty("it.jdbc.url"), "postgres", "");
             var query = db.prepareStatement("select password_hash from users.users where id = ?::uuid")) {
            query.setString(1, customer.id());
            var result = query.executeQuery();
            result.next();
            assertThat(result.getString(1)).startsWith("PBKDF2WithHmacSHA256:600000:").doesNotContain("correct horse");
        }
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        var customer = api.customer("iris");
        PrivateKey ours = itPrivateKey();
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();

        List<String> refused = List.of(
                sign(ours, claimsFor(customer.id(), ISSUER, "pizzeria", -60)),            // expired
                sign(stranger, claimsFor(customer.id(), ISSUER, "pizzeria", 600)),        // another key
                sign(ours, claimsFor(customer.id(), "https://evil.example", "pizzeria", 600)), // another issuer
                sign(ours, claimsFor(customer.id(), ISSUER, "somebody-else", 600)),      // another audience
                tampered(customer.token()),                                              // payload edited
                "not-a-token");

        for (String token : refused) {
            api.get("users/me", token).problem(401);
        }
        api.get("users/me", sign(ours, claimsFor(customer.id(), ISSUER, "pizzeria", 600))).expect(200);
    }

    @Test
    void withoutATokenProtectedRoutesAnswer401() {
        api.get("users/me", null).problem(401);
        api.get("users", null).problem(401);
    }

    @Test
    void aSignInFloodIsShedWhileOtherRequestsAreServed() throws Exception {
        var customer = api.customer("joana");
        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                logins.add(pool.submit(() -> Api.answer(api.at("users/login", null)
                        .post(Entity.json(credentials(customer.email(), "correct horse battery").toString()))).status()));
            }
            List<CompletableFuture<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(CompletableFuture.supplyAsync(() -> api.get("users/me", customer.token()).status(), pool));
            }

            assertThat(others).allSatisfy(other -> assertThat(other.get()).isEqualTo(200));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> login : logins) {
                statuses.add(login.get());
            }
            assertThat(statuses).containsOnly(200, 503).contains(200, 503);
        } finally {
            pool.shutdownNow();
        }
        var shed = api.post("users/login", null, credentials(customer.email(), "correct horse battery"));
        assertThat(shed.status()).isEqualTo(200);
    }

    @Test
    void failedSignInsSlowTheAccountFromThatAddressOnlyAndNotForLong() {
        var customer = api.customer("kleber");
        String attacker = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 6; i++) {
            signInFrom(attacker, customer.email(), "not the password " + i).problem(401);
        }

        // closed for that address: even the right password is refused, without a hash, and told when to retry
        Api.Answer refused = signInFrom(attacker, customer.email(), "correct horse battery");
        JsonObject problem = refused.problem(429);
        assertThat(problem.getString("type")).endsWith("/sign-in-throttled");
        long retryAfter = Long.parseLong(refused.response().getHeaderString("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        // the customer at home is not locked out
        signInFrom("198.51.100.20", customer.email(), "correct horse battery").expect(200);
        // and the wait is short
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> signInFrom(attacker, customer.email(), "correct horse battery").status() == 200);
    }

    Api.Answer signInFrom(String address, String email, String password) {
        return Api.answer(api.at("users/login", null).header("X-Real-IP", address)
                .post(Entity.json(credentials(email, password).toString())));
    }

    // --- tokens ------------------------------------------------------------------------------------------------

    static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }

    static JwtClaims claimsFor(String subject, String issuer, String audience, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("upn", "someone@example.com");
        claims.setStringListClaim("groups", List.of("customer"));
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 120));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        claims.setGeneratedJwtId();
        return claims;
    }

    static String sign(PrivateKey key, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    static PrivateKey itPrivateKey() throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("it.keys"), "private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return java.security.KeyFactory.getInstance("RSA").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    }

    static JsonObject claims(String token) {
        return decode(token.split("\\.")[1]);
    }

    static JsonObject header(String token) {
        return decode(token.split("\\.")[0]);
    }

    static JsonObject decode(String part) {
        try (var reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
