package com.forno.pizzeria.users.signin.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    SigningKeys keys;

    @BeforeEach
    void keys() throws Exception {
        keys = new SigningKeys();
        keys.pem = Optional.empty();
        keys.location = Optional.of(dir.toString());
        keys.rescanSeconds = 5;
        keys.jwksMaxAgeSeconds = 60;
        keys.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        write("20261201T000000Z.pem");
    }

    @Test
    void theKeysFoundAtStartSignAtOnceTheNewestFirst() throws Exception {
        write("20261207T000000Z.pem");

        assertThat(keys.signing()).map(SigningKeys.Key::name).contains("20261207T000000Z.pem");
        assertThat(kids()).hasSize(2).first().isEqualTo(keys.signing().orElseThrow().kid());
    }

    @Test
    void aNewKeyIsListedAtOnceButSignsOnlyOnceVerifiersMayHaveFetchedIt() throws Exception {
        String old = keys.signing().orElseThrow().kid();
        write("20261207T100000Z.pem");
        now = now.plusSeconds(5);

        assertThat(kids()).hasSize(2).contains(old);
        assertThat(keys.signing().orElseThrow().kid()).isEqualTo(old);

        now = now.plusSeconds(61);
        assertThat(keys.signing().orElseThrow().name()).isEqualTo("20261207T100000Z.pem");
    }

    @Test
    void aRemovedKeyLeavesTheSetAtTheNextRead() throws Exception {
        write("20261207T100000Z.pem");
        now = now.plusSeconds(5);
        assertThat(kids()).hasSize(2);

        Files.delete(dir.resolve("20261201T000000Z.pem"));
        now = now.plusSeconds(2);
        assertThat(kids()).as("read again at most every 5 s").hasSize(2);
        now = now.plusSeconds(3);
        assertThat(kids()).hasSize(1);
        assertThat(keys.signing()).map(SigningKeys.Key::name).as("the only key left signs").contains("20261207T100000Z.pem");
    }

    @Test
    void theKidIsTheKeysThumbprintTheSameOnEveryRead() {
        String kid = keys.signing().orElseThrow().kid();

        SigningKeys again = new SigningKeys();
        again.pem = Optional.empty();
        again.location = Optional.of(dir.resolve("20261201T000000Z.pem").toString());
        again.rescanSeconds = 5;
        again.jwksMaxAgeSeconds = 60;

        assertThat(again.signing().orElseThrow().kid()).isEqualTo(kid).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anEmptySetSignsNothing() throws Exception {
        Files.delete(dir.resolve("20261201T000000Z.pem"));

        assertThat(keys.signing()).isEmpty();
        assertThat(kids()).isEmpty();
    }

    private List<String> kids() {
        JsonObject jwks = Json.createReader(new StringReader(keys.jwks())).readObject();
        jwks.getJsonArray("keys").getValuesAs(JsonObject.class).forEach(jwk -> {
            assertThat(jwk.getString("kty")).isEqualTo("RSA");
            assertThat(jwk.getString("alg")).isEqualTo("RS256");
            assertThat(jwk).doesNotContainKey("d");
        });
        return jwks.getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(jwk -> jwk.getString("kid")).toList();
    }

    private void write(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(dir.resolve(name), pem);
    }
}
