package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** The orders API as a test sees it, with tokens minted by the test (users-war issues them in production). */
final class Api {

    static final Client CLIENT = ClientBuilder.newClient();

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toString());
    }

    record Answer(int status, String mediaType, String body, Response response) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        jakarta.json.JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        Answer expect(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        JsonObject problem(int expected) {
            expect(expected);
            assertThat(mediaType).startsWith("application/problem+json");
            assertThat(json().getInt("status")).isEqualTo(expected);
            return json();
        }
    }

    /** Someone signed in: their id and bearer token. */
    record Person(UUID id, String token) {
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

    Invocation.Builder at(String path, Person who) {
        var request = CLIENT.target(base.resolve(path)).request(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf("application/problem+json"));
        return who == null ? request : request.header("Authorization", "Bearer " + who.token());
    }

    Answer get(String path, Person who) {
        return answer(at(path, who).get());
    }

    Answer post(String path, Person who, JsonStructure body) {
        return answer(at(path, who).post(Entity.json(body.toString())));
    }

    /** POST /orders with an Idempotency-Key and, when {@code waitSeconds} > 0, Prefer: wait. */
    Answer order(Person who, String key, JsonStructure body, int waitSeconds) {
        var request = at("orders", who).header("Idempotency-Key", key);
        if (waitSeconds > 0) {
            request = request.header("Prefer", "wait=" + waitSeconds);
        }
        return answer(request.post(Entity.json(body.toString())));
    }

    JsonObject order(String id, Person who) {
        return get("orders/" + id, who).expect(200).json();
    }

    /** The value of the first application metric line with this name whose labels contain {@code label}. */
    double metric(String name, String label) {
        return metricLine(name, label).orElse(0.0);
    }

    /** The value of the first application metric line with this name whose labels contain {@code label}, if any. */
    java.util.Optional<Double> metricLine(String name, String label) {
        String text = answer(CLIENT.target(base.toString().replaceAll("/[^/]*/?$", "") + "/metrics")
                .queryParam("scope", "application").request("text/plain").get()).expect(200).body();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    static Answer answer(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        var type = response.getMediaType();
        return new Answer(response.getStatus(), type == null ? "" : type.toString(), body, response);
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

    // --- tokens signed with the test key pair the WAR trusts -----------------------------------------------

    static Person person(String role) {
        UUID id = UUID.randomUUID();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://pizzeria.forno.com");
        claims.setAudience("pizzeria");
        claims.setSubject(id.toString());
        claims.setClaim("upn", role + "-" + id + "@example.com");
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 3600));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new Person(id, jws.getCompactSerialization());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of(System.getProperty("it.keys"), "private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("the test key pair (it.keys) is missing", e);
        }
    }
}
