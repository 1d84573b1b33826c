package com.forno.pizzeria.stock;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as the users service issues them (RS256, same issuer, audience and groups claim), signed with the
 * throwaway key pair whose public half the test WAR verifies with: stock's tests need no users service.
 */
final class Tokens {

    private static final PrivateKey KEY = load(Path.of(System.getProperty("it.keys"), "private.pem"));

    private Tokens() {
    }

    static String admin() {
        return issue(UUID.randomUUID(), "admin");
    }

    static String customer() {
        return issue(UUID.randomUUID(), "customer");
    }

    static String issue(UUID subject, String group) {
        long now = Instant.now().getEpochSecond();
        String header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = Json.createObjectBuilder()
                .add("iss", "https://pizzeria.forno.com")
                .add("aud", "pizzeria")
                .add("sub", subject.toString())
                .add("upn", group + "-" + subject + "@it.local")
                .add("groups", Json.createArrayBuilder().add(group))
                .add("iat", now)
                .add("exp", now + 3600)
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(KEY);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey load(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
