package com.forno.pizzeria.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Tokens signed with the stack's own key (from its state directory): to build an expired yet genuine one. */
final class StackKeys {

    static String token(String subject, String role, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://pizzeria.forno.com");
        claims.setAudience("pizzeria");
        claims.setSubject(subject);
        claims.setClaim("upn", subject + "@example.com");
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        PrivateKey key = privateKey();
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid(key));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest key of the stack's key set (bin/pizzeria names them so that the newest sorts last). */
    static PrivateKey privateKey() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("pizzeria.state.dir"), "keys", "jwt"))) {
            Path newest = files.filter(f -> f.getFileName().toString().endsWith(".pem")).max(Comparator.naturalOrder()).orElseThrow();
            return privateKey(newest);
        } catch (Exception e) {
            throw new IllegalStateException("the stack's signing key is not readable", e);
        }
    }

    static PrivateKey privateKey(Path file) throws Exception {
        String pem = Files.readString(file);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
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
