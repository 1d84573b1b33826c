package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions that end: an admin ends every session of a user, which revokes the refresh tokens and lists a cut-off
 * for the services to poll; tokens issued afterwards are issued at or after it. The list is for the services alone.
 */
class SessionCutoffsIT extends ClientIT<Api> {

    TokensIT tokens;

    @BeforeEach
    void client() {
        tokens = new TokensIT();
        tokens.api = api;
    }

    @Test
    void anAdminEndsEverySessionOfAUserWhoseLaterTokensPostdateTheCutoff() {
        var customer = api.customer("ulisses");
        String refreshToken = tokens.passwordGrant(customer.email()).getString("refresh_token");
        long before = SignInIT.claims(customer.token()).getJsonNumber("iat").longValue();

        api.delete("users/" + customer.id() + "/sessions", customer.token()).problem(403);
        api.delete("users/" + customer.id() + "/sessions", api.admin()).expect(204);

        assertThat(tokens.refresh(refreshToken).expect(400).json().getString("error")).isEqualTo("invalid_grant");
        long notBefore = cutoff(customer.id()).orElseThrow();
        assertThat(notBefore).isGreaterThan(before);
        String after = api.signIn(customer.email(), TokensIT.PASSWORD);
        assertThat(SignInIT.claims(after).getJsonNumber("iat").longValue()).isGreaterThanOrEqualTo(notBefore);
        api.delete("users/00000000-0000-0000-0000-000000000000/sessions", api.admin()).problem(404);
    }

    @Test
    void aSecondEndPassesEveryTokenIssuedSinceTheFirstEvenWithinOneSecond() {
        var boss = api.customer("zeca");
        String admin = api.admin();
        api.put("users/" + boss.id() + "/role", admin, Json.createObjectBuilder().add("role", "admin").build()).expect(200);
        // signed in at once: its iat is lifted to the promotion's cut-off, which may still lie in the next second
        long issuedAt = SignInIT.claims(api.signIn(boss.email(), TokensIT.PASSWORD)).getJsonNumber("iat").longValue();

        api.put("users/" + boss.id() + "/role", admin, Json.createObjectBuilder().add("role", "customer").build()).expect(200);

        assertThat(cutoff(boss.id()).orElseThrow()).as("the demotion's cut-off refuses the admin's token").isGreaterThan(issuedAt);
    }

    @Test
    void aRoleChangeAndADeletionListACutoffToo() {
        var cook = api.customer("valter");
        var leaving = api.customer("xenia");

        api.put("users/" + cook.id() + "/role", api.admin(), Json.createObjectBuilder().add("role", "kitchen").build()).expect(200);
        api.delete("users/" + leaving.id(), leaving.token()).expect(204);

        assertThat(cutoff(cook.id())).isPresent();
        assertThat(cutoff(leaving.id())).isPresent();
        assertThat(cutoff(api.customer("yara").id())).as("a user whose sessions never ended").isEmpty();
    }

    @Test
    void theCutoffsAreNotAnsweredToARequestThatCameThroughAProxy() {
        Api.Answer proxied = Api.answer(api.at("sessions/cutoffs", null).header("X-Forwarded-For", "203.0.113.9").get());
        Api.Answer forwarded = Api.answer(api.at("sessions/cutoffs", null).header("Forwarded", "for=203.0.113.9").get());

        proxied.problem(404);
        forwarded.problem(404);
    }

    private Optional<Long> cutoff(String userId) {
        Api.Answer answer = api.get("sessions/cutoffs", null).expect(200);
        assertThat(answer.response().getHeaderString("Cache-Control")).isEqualTo("no-store");
        return Json.createReader(new java.io.StringReader(answer.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(cutoff -> cutoff.getString("userId").equals(userId))
                .map(cutoff -> cutoff.getJsonNumber("notBefore").longValue())
                .findFirst();
    }
}
