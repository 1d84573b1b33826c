package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.users.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues RS256 access tokens that every service verifies with MicroProfile JWT: the issuer and audience are the
 * very keys those services check ({@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}); the header's
 * {@code kid} names the key of the JWKS that verifies it ({@link SigningKeys}).
 */
@ApplicationScoped
public class Tokens {

    /** What the client gets back from a sign-in. */
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "users.jwt.ttl-seconds", defaultValue = "900")
    long ttlSeconds;

    /** A token for the user, issued at {@code notBefore} at the earliest (the user's cut-off, when in the next second). */
    public AccessToken issue(User user, Optional<Instant> notBefore) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience.split(",")[0].strip());
        claims.setSubject(user.id().toString());
        claims.setClaim("upn", user.email());
        claims.setStringListClaim("groups", List.of(user.role().value()));
        NumericDate now = NumericDate.now();
        if (notBefore.isPresent() && notBefore.get().getEpochSecond() > now.getValue()) {
            now = NumericDate.fromSeconds(notBefore.get().getEpochSecond());
        }
        claims.setIssuedAt(now);
        NumericDate expires = NumericDate.fromSeconds(now.getValue() + ttlSeconds);
        claims.setExpirationTime(expires);
        claims.setGeneratedJwtId();

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        SigningKeys.Key key = signingKeys.signing().orElseThrow(() -> new IllegalStateException("no signing key: users.jwt.private-key-location is empty"));
        jws.setKey(key.privateKey());
        // verifiers pick the key of the JWKS by this name
        jws.setKeyIdHeaderValue(key.kid());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new AccessToken(jws.getCompactSerialization(), "Bearer", ttlSeconds);
        } catch (JoseException e) {
            throw new IllegalStateException("signing the access token failed", e);
        }
    }
}
