package com.forno.pizzeria.users.signin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RS256 private key that signs access tokens: PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) from configuration
 * ({@code users.jwt.private-key}, environment {@code USERS_JWT_PRIVATE_KEY}), or from a file
 * ({@code users.jwt.private-key-location}, e.g. a Secret mounted as a file on Kubernetes). Never in the repository:
 * {@code bin/pizzeria up} generates a development pair in its state directory.
 */
@ApplicationScoped
public class SigningKey {

    @Inject
    @ConfigProperty(name = "users.jwt.private-key")
    Optional<String> pem;

    @Inject
    @ConfigProperty(name = "users.jwt.private-key-location")
    Optional<String> location;

    private volatile PrivateKey key;

    public Optional<PrivateKey> key() {
        if (key == null) {
            pem().ifPresent(text -> key = parse(text));
        }
        return Optional.ofNullable(key);
    }

    private Optional<String> pem() {
        if (pem.isPresent() && !pem.get().isBlank()) {
            return pem;
        }
        return location.filter(path -> !path.isBlank()).map(path -> {
            try {
                return Files.readString(Path.of(path.replaceFirst("^file:(//)?", "")));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read users.jwt.private-key-location " + path, e);
            }
        });
    }

    static PrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("users.jwt.private-key is not an RSA private key in PKCS#8 PEM", e);
        }
    }
}
