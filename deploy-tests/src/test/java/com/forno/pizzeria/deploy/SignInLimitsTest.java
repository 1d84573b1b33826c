package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Ingress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in and sign-up are rate limited in every spelling that reaches them (";matrix" parameters, trailing and
 * doubled slashes, percent-encoding, the Portuguese alias, another case), on the gateway (its limit maps) and on
 * the Ingress (the object ingress-nginx chooses carries the limit), with the same rates; nothing else is.
 */
class SignInLimitsTest {

    static final List<String> SIGN_IN_PATHS = List.of("/users/login", "/users/login/", "/users/login;x=1", "/users/login;x=1/",
            "/users//login", "/users/;x=1/login", "/users/%6Cogin", "/users/token", "/users/token;x=1",
            "/usuarios/login", "/usuarios/login/", "/usuarios/login;x=1", "/usuarios//login", "/usuarios/token",
            "/Users/Login", "/USUARIOS/LOGIN");
    static final List<String> SIGN_UP_PATHS = List.of("/users", "/users/", "/users//", "/users/;x=1", "/usuarios", "/usuarios/",
            "/usuarios/;x=1", "/Users", "/USUARIOS");
    static final List<String> NEITHER = List.of("/users/me", "/users/7f3c1a2b-0000-4000-8000-000000000001",
            "/users/7f3c1a2b-0000-4000-8000-000000000001/role", "/users/loginx", "/users/revoke", "/usuarios/me",
            "/orders", "/stock/menu");

    final GatewayRoutes gateway = new GatewayRoutes(Repository.read(Repository.path("nginx/pizzeria.conf.template")));

    /** A limit of the gateway (its zone) and of the Ingress (rate and burst multiplier), and the paths it covers. */
    enum Limit {
        SIGN_IN("login", SIGN_IN_PATHS, "5", "2"),
        SIGN_UP("signup", SIGN_UP_PATHS, "1", "10");

        final String zone;
        final List<String> paths;
        final String ingressRps;
        final String ingressBurstMultiplier;

        Limit(String zone, List<String> paths, String ingressRps, String ingressBurstMultiplier) {
            this.zone = zone;
            this.paths = paths;
            this.ingressRps = ingressRps;
            this.ingressBurstMultiplier = ingressBurstMultiplier;
        }
    }

    static Stream<Arguments> limitsPerOverlay() {
        return Stream.of("dev", "prod").flatMap(overlay -> Stream.of(Limit.values()).map(limit -> Arguments.of(overlay, limit)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("limitsPerOverlay")
    void everySpellingIsLimitedOnTheGatewayAndTheIngress(String overlay, Limit limit) {
        List<V1Ingress> ingresses = Schema.all(Manifests.overlay(overlay), V1Ingress.class);
        for (String path : limit.paths) {
            String uri = normalised(path);
            assertThat(gateway.gatewayLimits("POST", uri)).as("gateway limits of POST %s", path).containsExactly(limit.zone);
            Map<String, String> ingress = GatewayRoutes.ingressAnnotations(ingresses, uri);
            assertThat(ingress).as("Ingress limits of %s", path)
                    .containsEntry("nginx.ingress.kubernetes.io/limit-rps", limit.ingressRps)
                    .containsEntry("nginx.ingress.kubernetes.io/limit-burst-multiplier", limit.ingressBurstMultiplier);
            assertThat(GatewayRoutes.ingress(ingresses, uri).service()).isEqualTo("users");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void otherPathsAndMethodsAreNotCountedAsSignInOrSignUp(String overlay) {
        List<V1Ingress> ingresses = Schema.all(Manifests.overlay(overlay), V1Ingress.class);
        for (String path : NEITHER) {
            assertThat(gateway.gatewayLimits("POST", path)).as("gateway limits of POST %s", path).isEmpty();
            if (path.startsWith("/users") || path.startsWith("/usuarios")) {
                assertThat(GatewayRoutes.ingressAnnotations(ingresses, path)).as("Ingress limits of %s", path)
                        .doesNotContainKey("nginx.ingress.kubernetes.io/limit-rps");
            }
        }
        assertThat(gateway.gatewayLimits("GET", "/users")).isEmpty();
        assertThat(gateway.gatewayLimits("GET", "/users/login")).isEmpty();
    }

    /** What nginx matches locations and maps against: percent-decoded, slashes merged. */
    static String normalised(String path) {
        return URLDecoder.decode(path, StandardCharsets.UTF_8).replaceAll("/{2,}", "/");
    }
}
