package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProfilesIT extends ClientIT<Api> {

    @Test
    void meAndMyIdAreTheSameUser() {
        var customer = api.customer("karla");

        JsonObject me = api.get("users/me", customer.token()).expect(200).json();
        JsonObject byId = api.get("users/" + customer.id(), customer.token()).expect(200).json();

        assertThat(me).isEqualTo(byId);
        assertThat(me.getString("email")).isEqualTo(customer.email());
    }

    @Test
    void anotherCustomersAccountDoesNotExistForMe() {
        var me = api.customer("lucas");
        var other = api.customer("marta");

        api.get("users/" + other.id(), me.token()).problem(404);
        api.put("users/" + other.id(), me.token(), profile("Hacked", other.email())).problem(404);
        api.delete("users/" + other.id(), me.token()).problem(404);

        assertThat(api.get("users/me", other.token()).expect(200).json().getString("name")).isEqualTo("marta");
    }

    @Test
    void anUpdateReplacesTheProfileButNeverIdRoleOrCreationTime() {
        var customer = api.customer("nina");
        JsonObject before = api.get("users/me", customer.token()).json();

        JsonObject tries = Json.createObjectBuilder(profile("Nina Lima", customer.email()))
                .add("role", "admin").add("id", "7f3c1a2b-0000-4000-8000-000000000001").add("createdAt", "2020-01-01T00:00:00Z")
                .build();
        JsonObject problem = api.put("users/" + customer.id(), customer.token(), tries).problem(400);
        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactlyInAnyOrder("role", "id", "createdAt");

        JsonObject updated = api.put("users/" + customer.id(), customer.token(),
                Json.createObjectBuilder(profile("Nina Lima", customer.email())).add("address", Api.address()).build())
                .expect(200).json();

        assertThat(updated.getString("name")).isEqualTo("Nina Lima");
        assertThat(updated.getJsonObject("address").getString("city")).isEqualTo("São Paulo");
        assertThat(updated.getString("id")).isEqualTo(before.getString("id"));
        assertThat(updated.getString("role")).isEqualTo("customer");
        assertThat(updated.getString("createdAt")).isEqualTo(before.getString("createdAt"));
    }

    @Test
    void changingThePasswordChangesTheSignIn() {
        var customer = api.customer("otavio");

        api.put("users/" + customer.id(), customer.token(),
                Json.createObjectBuilder(profile("otavio", customer.email())).add("password", "a brand new secret")
                        .add("currentPassword", "correct horse battery").build())
                .expect(200);

        api.signIn(customer.email(), "a brand new secret");
        api.post("users/login", null, SignInIT.credentials(customer.email(), "correct horse battery")).problem(401);
    }

    @Test
    void aNewPasswordNeedsTheCurrentOne() {
        var customer = api.customer("olga");
        var withoutCurrent = Json.createObjectBuilder(profile("olga", customer.email())).add("password", "a brand new secret");
        var wrongCurrent = Json.createObjectBuilder(profile("olga", customer.email())).add("password", "a brand new secret")
                .add("currentPassword", "not the password");

        JsonObject missing = api.put("users/" + customer.id(), customer.token(), withoutCurrent.build()).problem(400);
        JsonObject wrong = api.put("users/" + customer.id(), customer.token(), wrongCurrent.build()).problem(400);

        assertThat(missing.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("currentPassword");
        assertThat(wrong.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("currentPassword");
        api.signIn(customer.email(), "correct horse battery");
        api.post("users/login", null, SignInIT.credentials(customer.email(), "a brand new secret")).problem(401);
    }

    @Test
    void anAdminSetsSomeoneElsesPasswordWithoutKnowingIt() {
        var customer = api.customer("oscar");

        api.put("users/" + customer.id(), api.admin(),
                Json.createObjectBuilder(profile("oscar", customer.email())).add("password", "set by the admin").build())
                .expect(200);

        api.signIn(customer.email(), "set by the admin");
    }

    @Test
    void takingAnotherAccountsEmailIsAConflict() {
        var first = api.customer("paula");
        var second = api.customer("quim");

        api.put("users/" + second.id(), second.token(), profile("quim", first.email())).problem(409);
    }

    @Test
    void deletingErasesTheAccountAndFreesTheEmail() {
        var customer = api.customer("rita");

        api.delete("users/" + customer.id(), customer.token()).expect(204);

        api.get("users/me", customer.token()).problem(404);
        api.post("users/login", null, SignInIT.credentials(customer.email(), "correct horse battery")).problem(401);
        api.get("users/" + customer.id(), api.admin()).problem(404);
        api.post("users", null, Api.registration("Rita again", customer.email(), "correct horse battery")).expect(201);
    }

    static JsonObject profile(String name, String email) {
        return Json.createObjectBuilder().add("name", name).add("email", email).build();
    }
}
