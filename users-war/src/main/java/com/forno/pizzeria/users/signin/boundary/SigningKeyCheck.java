package com.forno.pizzeria.users.signin.boundary;

import com.forno.pizzeria.users.signin.control.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready without a signing key: an instance that cannot sign anyone in must not receive traffic. */
@Readiness
@ApplicationScoped
public class SigningKeyCheck implements HealthCheck {

    @Inject
    SigningKeys signingKeys;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("signing-key").status(signingKeys.signing().isPresent()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("signing-key").down().withData("error", e.getMessage()).build();
        }
    }
}
