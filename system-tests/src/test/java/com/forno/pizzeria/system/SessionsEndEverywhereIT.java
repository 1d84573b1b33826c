package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions that end everywhere: once a user's sessions end (an admin demoted by another admin, a deleted account,
 * an admin's "end all sessions"), every instance of every service refuses that user's access tokens issued before
 * (401 problem+json) within its poll of the cut-offs (2 s here; the awaits are bounds, never timings), while a token
 * issued afterwards works. The cut-offs themselves are never answered through the gateway, whatever the spelling.
 */
class SessionsEndEverywhereIT {

    @Test
    void aDemotedAdminsTokenIsRefusedEverywhereAndANewOneWorks() {
        var boss = Gateway.newCustomer("Chefe Rebaixado");
        Gateway.put("users/" + boss.id() + "/role", Gateway.admin(), Json.createObjectBuilder().add("role", "admin").build())
                .expect(200);
        String adminToken = Gateway.signIn(boss.email(), Gateway.PASSWORD);
        Gateway.get("users?limit=1", adminToken).expect(200);
        everyInstanceAnswers(boss.id(), adminToken, 200);

        Gateway.put("users/" + boss.id() + "/role", Gateway.admin(), Json.createObjectBuilder().add("role", "customer").build())
                .expect(200);

        refusedEverywhereWithin(boss.id(), adminToken);
        Gateway.get("users?limit=1", adminToken).problem(401);
        String customerToken = Gateway.signIn(boss.email(), Gateway.PASSWORD);
        everyInstanceAnswers(boss.id(), customerToken, 200);
        Gateway.get("users?limit=1", customerToken).problem(403);
    }

    @Test
    void aDeletedUsersTokenIsRefusedEverywhere() {
        var leaving = Gateway.newCustomer("Saindo");
        everyInstanceAnswers(leaving.id(), leaving.token(), 200);

        Gateway.answer(Gateway.at("users/" + leaving.id(), leaving.token()).delete()).expect(204);

        refusedEverywhereWithin(leaving.id(), leaving.token());
    }

    @Test
    void anAdminEndsEverySessionOfAUser() {
        var customer = Gateway.newCustomer("Sessao Encerrada");
        everyInstanceAnswers(customer.id(), customer.token(), 200);

        Gateway.answer(Gateway.at("users/" + customer.id() + "/sessions", Gateway.admin()).delete()).expect(204);

        refusedEverywhereWithin(customer.id(), customer.token());
        everyInstanceAnswers(customer.id(), Gateway.signIn(customer.email(), Gateway.PASSWORD), 200);
    }

    @Test
    void theCutoffsAreNotReachableThroughTheGatewayInAnySpelling() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("sessions/cutoffs", "Sessions/Cutoffs", "sessions/cutoffs/", "sessions;x=1/cutoffs",
                "users/..;/sessions/cutoffs", "users/%2e%2e/sessions/cutoffs", "users/..%2fsessions/cutoffs",
                "usuarios/..;/sessions/cutoffs", "users/me/..;/..;/sessions/cutoffs", ".well-known/..;/sessions/cutoffs")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Gateway.BASE + path))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", path, response.body()).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("notBefore");
        }
    }

    private static void everyInstanceAnswers(String userId, String token, int status) {
        EveryInstance.read(userId, token).forEach((instance, answer) ->
                assertThat(answer.status()).as("%s: %s", instance, answer.body()).isEqualTo(status));
    }

    private static void refusedEverywhereWithin(String userId, String token) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                EveryInstance.read(userId, token).forEach((instance, answer) ->
                        assertThat(answer.status()).as("%s: %s", instance, answer.body()).isEqualTo(401)));
        EveryInstance.read(userId, token).forEach((instance, answer) -> {
            answer.problem(401);
            assertThat(answer.body()).as(instance).contains("session");
        });
    }
}
