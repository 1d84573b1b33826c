package com.forno.pizzeria.payments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small client for the payments API as a test sees it: raw statuses and JSON bodies, and bearer tokens minted
 * here with the test signing key, as users-war would issue them (RS256; iss, aud, sub, groups, exp).
 */
final class Api {

    static final Client CLIENT = ClientBuilder.newClient();
    static final String ISSUER = "https://pizzeria.forno.com";

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toString());
    }

    record Answer(int status, String mediaType, String body) {

        Answer expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        /** An RFC 9457 problem with this status. */
        JsonObject problem(int expected) {
            expect(expected);
            assertThat(mediaType).startsWith("application/problem+json");
            JsonObject problem = json();
            assertThat(problem.getInt("status")).isEqualTo(expected);
            assertThat(problem.getString("title")).isNotBlank();
            assertThat(problem.containsKey("type")).isTrue();
            return problem;
        }
    }

    Answer get(String path, String token) {
        var request = CLIENT.target(base.resolve(path)).request(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf("application/problem+json"));
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        Response response = request.get();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        var type = response.getMediaType();
        return new Answer(response.getStatus(), type == null ? "" : type.toString(), body);
    }

    /** The application metrics in Prometheus text (served at the server's root, not the WAR's). */
    String metrics() {
        return CLIENT.target(base.resolve("/metrics?scope=application")).request(MediaType.TEXT_PLAIN_TYPE)
                .get(String.class);
    }

    /**
     * The value of the sample {@code name} in Prometheus text whose labels include all of {@code labels}
     * ({@code key="value"} each); 0 when there is none yet.
     */
    static double sample(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    // --- tokens --------------------------------------------------------------------------------------------

    static String customer(UUID id) {
        return token(id, "customer");
    }

    static String admin() {
        return token(UUID.randomUUID(), "admin");
    }

    static String kitchen() {
        return token(UUID.randomUUID(), "kitchen");
    }

    static String token(UUID subject, String group) {
        long now = Instant.now().getEpochSecond();
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", "pizzeria")
                .add("sub", subject.toString())
                .add("upn", subject + "@it.local")
                .add("groups", Json.createArrayBuilder().add(group))
                .add("iat", now - 60)
                .add("exp", now + 600)
                .add("jti", UUID.randomUUID().toString())
                .build();
        String signed = base64(header.toString()) + "." + base64(claims.toString());
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException("signing a test token failed", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("it.keys"), "private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
