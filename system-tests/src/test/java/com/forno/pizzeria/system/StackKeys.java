package com.forno.pizzeria.system;

import com.forno.pizzeria.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;

/** Tokens signed with the stack's own key (from its state directory): to build an expired yet genuine one. */
final class StackKeys {

    static String token(String subject, String role, long expiresInSeconds) {
        PrivateKey key = privateKey();
        Instant now = Instant.now();
        return Tokens.token(key, kid(key), subject, role, now.minusSeconds(3600), now.plusSeconds(expiresInSeconds));
    }

    /** The newest key of the stack's key set (bin/pizzeria names them so that the newest sorts last). */
    static PrivateKey privateKey() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("pizzeria.state.dir"), "keys", "jwt"))) {
            Path newest = files.filter(f -> f.getFileName().toString().endsWith(".pem")).max(Comparator.naturalOrder()).orElseThrow();
            return Tokens.privateKey(newest);
        } catch (Exception e) {
            throw new IllegalStateException("the stack's signing key is not readable", e);
        }
    }

    /** The key's name in the JWKS: its RFC 7638 thumbprint, as the users service computes it. */
    static String kid(PrivateKey key) {
        try {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private StackKeys() {
    }
}
