package com.forno.pizzeria.payments;

import com.forno.pizzeria.testing.ServiceApi;
import com.forno.pizzeria.testing.Tokens;
import java.net.URL;
import java.util.UUID;

/**
 * A small client for the payments API as a test sees it: raw statuses and JSON bodies, and bearer tokens minted
 * with the test signing key, as users-war would issue them.
 */
final class Api extends ServiceApi<String> {

    Api(URL base) {
        super(base, token -> token);
    }

    /**
     * The value of the sample {@code name} in Prometheus text whose labels include all of {@code labels}
     * ({@code key="value"} each); 0 when there is none yet.
     */
    static double sample(String metrics, String name, String... labels) {
        return firstSample(metrics, name, labels).orElse(0.0);
    }

    static String customer(UUID id) {
        return Tokens.token(id, "customer");
    }

    static String admin() {
        return Tokens.admin();
    }

    static String kitchen() {
        return Tokens.kitchen();
    }
}
