package com.forno.pizzeria.users.signin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure; the API's default of 2048 is far too low), a 32-byte
 * salt and key. A hash costs ~0.2 s of CPU on purpose, which is why sign-in runs on its own bulkhead.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "users.password.iterations", defaultValue = "600000")
    int iterations;

    /** A real hash of nothing anyone knows: checking an unknown email costs as much as checking a known one. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate(UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Whether {@code password} matches {@code hash}; a missing hash (no such account) never matches. */
    public boolean matches(String password, String hash) {
        boolean matches = pbkdf2.verify(password.toCharArray(), hash == null ? decoy : hash);
        return hash != null && matches;
    }
}
