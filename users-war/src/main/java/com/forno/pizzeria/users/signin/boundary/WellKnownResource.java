package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.platform.openapi.SuccessResponse;
import com.forno.pizzeria.users.signin.control.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an OAuth 2.0 client or a verifier finds at the issuer's well-known addresses: the authorization server's
 * metadata (RFC 8414, at the OpenID Connect discovery path) and the JWK set (RFC 7517) of the keys that sign access
 * tokens. The JWKS carries {@code Cache-Control: max-age}: MicroProfile JWT on Payara caches it that long.
 */
@Path(".well-known")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class WellKnownResource {

    /** RFC 8414's metadata, the fields a client of this provider needs. */
    public record Discovery(String issuer, String token_endpoint, String jwks_uri, String revocation_endpoint,
                            List<String> grant_types_supported, List<String> token_endpoint_auth_methods_supported,
                            List<String> revocation_endpoint_auth_methods_supported, List<String> response_types_supported) {
    }

    /** An RSA public key of the set (RFC 7517, 7518). */
    public record Jwk(String kty, String kid, String use, String alg, String n, String e) {
    }

    /** The keys that verify access tokens, the newest first. */
    public record JwkSet(List<Jwk> keys) {
    }

    @Inject
    SigningKeys signingKeys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    /** The public address clients call (the gateway); the issuer when not set. */
    @Inject
    @ConfigProperty(name = "users.oauth.base-url")
    Optional<String> baseUrl;

    @GET
    @Path("openid-configuration")
    @PermitAll
    @Operation(summary = "The sign-in provider's metadata: issuer, token, JWKS and revocation endpoints, grant types")
    public Discovery discovery() {
        String base = baseUrl.filter(url -> !url.isBlank()).orElse(issuer).replaceAll("/+$", "");
        return new Discovery(issuer, base + "/users/token", base + "/.well-known/jwks.json", base + "/users/revoke",
                List.of("password", "refresh_token"), List.of("none"), List.of("none"), List.of());
    }

    @GET
    @Path("jwks.json")
    @PermitAll
    @Operation(summary = "The public keys that verify access tokens (a token names its key by kid); old keys stay listed until their tokens expire")
    @SuccessResponse(status = 200, description = "The JWK set", body = JwkSet.class)
    public Response jwks() {
        return Response.ok(signingKeys.jwks(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=" + signingKeys.jwksMaxAgeSeconds())
                .build();
    }
}
