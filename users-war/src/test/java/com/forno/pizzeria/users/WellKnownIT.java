package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.JsonObject;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.HashUtil;
import org.junit.jupiter.api.Test;

/** Discovery and the JWK set: every access token names by kid a key of the set, which verifies it. */
class WellKnownIT extends ClientIT<Api> {

    @Test
    void theMetadataNamesTheIssuerTheEndpointsAndTheGrants() {
        Api.Answer answer = api.get(".well-known/openid-configuration", null).expect(200);

        JsonObject metadata = answer.json();
        assertThat(answer.mediaType()).startsWith("application/json");
        assertThat(metadata.getString("issuer")).isEqualTo("https://pizzeria.forno.com");
        assertThat(metadata.getString("token_endpoint")).endsWith("/users/token");
        assertThat(metadata.getString("revocation_endpoint")).endsWith("/users/revoke");
        assertThat(metadata.getString("jwks_uri")).endsWith("/.well-known/jwks.json");
        assertThat(metadata.getJsonArray("grant_types_supported").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyInAnyOrder("password", "refresh_token");
    }

    @Test
    void anAccessTokenIsVerifiedByTheKeyItsKidNamesInTheSet() throws Exception {
        var customer = api.customer("wanda");

        Api.Answer answer = api.get(".well-known/jwks.json", null).expect(200);

        assertThat(answer.response().getHeaderString("Cache-Control")).contains("max-age=");
        JsonWebKeySet set = new JsonWebKeySet(answer.body());
        String kid = SignInIT.header(customer.token()).getString("kid");
        PublicJsonWebKey key = (PublicJsonWebKey) set.findJsonWebKey(kid, "RSA", "sig", "RS256");
        assertThat(key).as("the key named by the token's kid " + kid).isNotNull();
        assertThat(key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256)).as("kid is the RFC 7638 thumbprint").isEqualTo(kid);
        assertThat(key.getPublicKey()).as("the container tests' key").isEqualTo(testPublicKey());
        assertThat(answer.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(customer.token());
        jws.setKey(key.getPublicKey());
        assertThat(jws.verifySignature()).isTrue();
    }

    private static PublicKey testPublicKey() throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("it.keys"), "public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
