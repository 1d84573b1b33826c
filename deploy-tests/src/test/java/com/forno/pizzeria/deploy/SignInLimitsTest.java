package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Ingress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in and sign-up are rate limited in every spelling that reaches them (";matrix" parameters, trailing and
 * doubled slashes, percent-encoding, the Portuguese alias, another case), on the gateway (its limit maps) and on
 * the Ingress (the object ingress-nginx chooses carries the limit), with the same rates; nothing else is.
 */
class SignInLimitsTest {

    static final List<String> SIGN_IN = List.of("/users/login", "/users/login/", "/users/login;x=1", "/users/login;x=1/",
            "/users//login", "/users/;x=1/login", "/users/%6Cogin", "/users/token", "/users/token;x=1",
            "/usuarios/login", "/usuarios/login/", "/usuarios/login;x=1", "/usuarios//login", "/usuarios/token",
            "/Users/Login", "/USUARIOS/LOGIN");
    static final List<String> SIGN_UP = List.of("/users", "/users/", "/users//", "/users/;x=1", "/usuarios", "/usuarios/",
            "/usuarios/;x=1", "/Users", "/USUARIOS");
    static final List<String> NEITHER = List.of("/users/me", "/users/7f3c1a2b-0000-4000-8000-000000000001",
            "/users/7f3c1a2b-0000-4000-8000-000000000001/role", "/users/loginx", "/users/revoke", "/usuarios/me",
            "/orders", "/stock/menu");

    final GatewayRoutes gateway = new GatewayRoutes(Repository.read(Repository.path("nginx/pizzeria.conf.template")));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySpellingOfSignInIsLimitedOnTheGatewayAndTheIngress(String overlay) {
        List<V1Ingress> ingresses = Schema.all(Manifests.overlay(overlay), V1Ingress.class);
        for (String path : SIGN_IN) {
            String uri = normalised(path);
            assertThat(gateway.gatewayLimits("POST", uri)).as("gateway limits of POST %s", path).containsExactly("login");
            Map<String, String> ingress = GatewayRoutes.ingressAnnotations(ingresses, uri);
            assertThat(ingress).as("Ingress limits of %s", path)
                    .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "5")
                    .containsEntry("nginx.ingress.kubernetes.io/limit-burst-multiplier", "2");
            assertThat(GatewayRoutes.ingress(ingresses, uri).service()).isEqualTo("users");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySpellingOfSignUpIsLimitedOnTheGatewayAndTheIngress(String overlay) {
        List<V1Ingress> ingresses = Schema.all(Manifests.overlay(overlay), V1Ingress.class);
        for (String path : SIGN_UP) {
            String uri = normalised(path);
            assertThat(gateway.gatewayLimits("POST", uri)).as("gateway limits of POST %s", path).containsExactly("signup");
            Map<String, String> ingress = GatewayRoutes.ingressAnnotations(ingresses, uri);
            assertThat(ingress).as("Ingress limits of %s", path)
                    .containsEntry("nginx.ingress.kubernetes.io/limit-rps", "1")
                    .containsEntry("nginx.ingress.kubernetes.io/limit-burst-multiplier", "10");
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
