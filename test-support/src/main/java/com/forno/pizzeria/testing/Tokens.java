package com.forno.pizzeria.testing;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as the users service issues them (RS256; iss, aud, sub, upn, groups, iat, exp, jti), minted by the
 * tests themselves. By default signed with the throwaway key pair the build gives each WAR module
 * ({@code it.keys}/private.pem; the WAR under test verifies with its public half), so container tests need no users
 * service.
 */
public final class Tokens {

    public static final String ISSUER = "https://pizzeria.forno.com";
    public static final String AUDIENCE = "pizzeria";

    private Tokens() {
    }

    public static String admin() {
        return token(UUID.randomUUID(), "admin");
    }

    public static String customer() {
        return token(UUID.randomUUID(), "customer");
    }

    public static String kitchen() {
        return token(UUID.randomUUID(), "kitchen");
    }

    /** A token of someone in this group, signed with the module's test key, valid for an hour. */
    public static String token(UUID subject, String group) {
        Instant now = Instant.now();
        return token(testKey(), null, subject.toString(), group, now, now.plus(Duration.ofHours(1)));
    }

    /** A token signed with {@code key}, naming it {@code keyId} in the header unless that is null. */
    public static String token(PrivateKey key, String keyId, String subject, String group, Instant issuedAt,
            Instant expiresAt) {
        var header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
        if (keyId != null) {
            header.add("kid", keyId);
        }
        String claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("aud", AUDIENCE)
                .add("sub", subject)
                .add("upn", group + "-" + subject + "@it.local")
                .add("groups", Json.createArrayBuilder().add(group))
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build().toString();
        String signed = base64(header.build().toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a test token failed", e);
        }
    }

    /** The module's throwaway signing key: {@code private.pem} in the directory the system property {@code it.keys} names. */
    public static PrivateKey testKey() {
        String keys = System.getProperty("it.keys");
        if (keys == null) {
            throw new IllegalStateException("the test key pair (system property it.keys) is not set");
        }
        return privateKey(Path.of(keys, "private.pem"));
    }

    /** A PKCS#8 RSA private key in PEM. */
    public static PrivateKey privateKey(Path pem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException("the signing key " + pem + " is not readable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key " + pem + " is not an RSA key", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
