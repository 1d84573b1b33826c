package com.forno.pizzeria.ai.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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

/** The ai API as a test sees it, with tokens minted by the test (users-war issues them in production). */
final class Api {

    static final Client CLIENT = ClientBuilder.newClient();

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toString());
    }

    record Answer(int status, String mediaType, String body) {

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

    static Person customer(UUID id) {
        return person(id, "customer");
    }

    static Person admin() {
        return person(UUID.randomUUID(), "admin");
    }

    Invocation.Builder at(String path, Person who) {
        var request = CLIENT.target(base.resolve(path)).request(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf("application/problem+json"));
        return who == null ? request : request.header("Authorization", "Bearer " + who.token());
    }

    Answer get(String path, Person who) {
        return answer(at(path, who).get());
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

    static Answer answer(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        var type = response.getMediaType();
        return new Answer(response.getStatus(), type == null ? "" : type.toString(), body);
    }

    static Person person(UUID id, String role) {
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
