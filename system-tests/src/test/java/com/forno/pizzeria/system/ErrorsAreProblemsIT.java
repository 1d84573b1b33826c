package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, the answer is RFC 9457 problem+json with the right status, from nginx or a service. */
class ErrorsAreProblemsIT {

    @Test
    void badJsonIsA400Problem() {
        // politely: the sign-up limit may still be spent by the limit tests
        var answer = Gateway.politely(() -> Gateway.answer(Gateway.at("users", null).post(Entity.json("{\"name\": \"Ana\", "))));

        answer.problem(400);
    }

    @Test
    void missingFieldsAreListedAsViolations() {
        JsonObject problem = Gateway.politely(() -> Gateway.post("users", null, Json.createObjectBuilder().add("name", "Ana").build()))
                .problem(400);

        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .contains("email", "password");
    }

    @Test
    void anOversizedBodyIsRefusedByTheGatewayWith413() {
        String huge = "x".repeat(200 * 1024);

        var answer = Gateway.politely(() -> Gateway.answer(Gateway.at("users", null).post(Entity.json("{\"name\":\"" + huge + "\"}"))));

        answer.problem(413);
    }

    @Test
    void anUnknownRouteIsA404ProblemFromTheGatewayAndFromAService() {
        Gateway.get("no-such-service/anything", null).problem(404);
        Gateway.get("users/" + java.util.UUID.randomUUID() + "/no-such-thing", null).problem(404);
    }

    @Test
    void aMissingForgedOrExpiredTokenIs401() {
        var customer = Gateway.newCustomer("Elisa");
        String[] parts = customer.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedClaims = claims.replace("\"customer\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forgedClaims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String expired = StackKeys.token(customer.id(), "customer", -60);
        Gateway.get("users/me", StackKeys.token(customer.id(), "customer", 600)).expect(200); // the same, unexpired

        for (String path : new String[] {"users/me", "orders", "payments?orderId=" + java.util.UUID.randomUUID()}) {
            Gateway.get(path, null).problem(401);
            Gateway.get(path, forged).problem(401);
            Gateway.get(path, expired).problem(401);
            Gateway.get(path, "garbage").problem(401);
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndAClientsOwnIsKept() {
        var generated = Gateway.get("users/me", null);
        var kept = Gateway.answer(Gateway.at("users/me", null).header("X-Request-Id", "pedido-42.a").get());

        assertThat(generated.header("X-Request-Id")).matches("[A-Za-z0-9._:-]{8,64}");
        assertThat(kept.header("X-Request-Id")).isEqualTo("pedido-42.a");
    }
}
