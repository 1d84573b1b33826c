package com.forno.pizzeria.users.signin.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How passwords are hashed and checked, around Jakarta Security's PBKDF2 (Soteria inside Payara; a stand-in here
 * that records what it was asked). That Soteria honours these parameters is the container tests' part.
 */
class PasswordsTest {

    final List<String> verified = new ArrayList<>();
    Map<String, String> parameters;
    int generated;
    Passwords passwords;

    @BeforeEach
    void passwords() {
        passwords = new Passwords();
        passwords.iterations = 600_000;
        passwords.pbkdf2 = new Pbkdf2PasswordHash() {
            @Override
            public void initialize(Map<String, String> given) {
                parameters = given;
            }

            @Override
            public String generate(char[] password) {
                generated++;
                return "salt" + generated + ":" + new String(password);
            }

            @Override
            public boolean verify(char[] password, String hash) {
                verified.add(hash);
                return hash.endsWith(":" + new String(password));
            }
        };
        passwords.configure();
    }

    @Test
    void pbkdf2WithSha256AtTheConfiguredIterationsAnd32ByteSaltAndKey() {
        assertThat(parameters).containsOnly(
                Map.entry("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256"),
                Map.entry("Pbkdf2PasswordHash.Iterations", "600000"),
                Map.entry("Pbkdf2PasswordHash.SaltSizeBytes", "32"),
                Map.entry("Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String hash = passwords.hash("uma senha longa");

        assertThat(passwords.matches("uma senha longa", hash)).isTrue();
        assertThat(passwords.matches("outra senha", hash)).isFalse();
    }

    @Test
    void noAccountNeverMatchesYetCostsAsMuchAsOneThatDoes() {
        verified.clear();

        assertThat(passwords.matches("anything", null)).isFalse();

        assertThat(verified).as("checked against the decoy hash, as long as against a real one").hasSize(1);
        assertThat(verified.get(0)).isNotNull();
    }

    @Test
    void theDecoyIsAHashOfNothingAnyoneKnows() {
        verified.clear();
        passwords.matches("", null);
        String decoy = verified.get(0);

        assertThat(decoy).isNotEqualTo("salt1:");
        assertThat(passwords.matches(decoy.substring(decoy.indexOf(':') + 1), null))
                .as("even its own preimage does not sign in to no account").isFalse();
    }
}
