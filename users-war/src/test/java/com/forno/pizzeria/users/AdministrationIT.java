package com.forno.pizzeria.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdministrationIT extends ClientIT<Api> {

    @Test
    void theFirstAdminComesFromConfiguration() {
        JsonObject me = api.get("users/me", api.admin()).expect(200).json();

        assertThat(me.getString("role")).isEqualTo("admin");
        assertThat(me.getString("email")).isEqualTo(System.getProperty("it.admin.email"));
    }

    @Test
    void adminsSearchUsersPageByPage() {
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            api.post("users", null, Api.registration("Cliente " + tag + " " + i, Api.uniqueEmail(tag), "correct horse battery"))
                    .expect(201);
        }
        String admin = api.admin();

        JsonObject first = api.get("users?query=" + tag + "&limit=2&offset=0", admin).expect(200).json();
        JsonObject last = api.get("users?query=" + tag.toUpperCase() + "&limit=2&offset=4", admin).expect(200).json();

        assertThat(first.getInt("total")).isEqualTo(5);
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(last.getJsonArray("items")).hasSize(1);
        assertThat(last.getInt("offset")).isEqualTo(4);
        api.get("users?limit=101", admin).problem(400);
        api.get("users?offset=-1", admin).problem(400);
    }

    @Test
    void customersAndKitchenStaffCannotAdminister() {
        var customer = api.customer("sara");

        api.get("users", customer.token()).problem(403);
        api.put("users/" + customer.id() + "/role", customer.token(), role("admin")).problem(403);
    }

    @Test
    void anAdminMakesKitchenStaffWhoseNextTokenSaysSo() {
        var cook = api.customer("tiago");

        JsonObject changed = api.put("users/" + cook.id() + "/role", api.admin(), role("kitchen")).expect(200).json();

        assertThat(changed.getString("role")).isEqualTo("kitchen");
        String token = api.signIn(cook.email(), "correct horse battery");
        assertThat(SignInIT.claims(token).getJsonArray("groups").getString(0)).isEqualTo("kitchen");
        api.get("users", token).problem(403);
        api.put("users/" + cook.id() + "/role", api.admin(), role("chef")).problem(400);
    }

    @Test
    void adminsSeeEditAndDeleteAnyone() {
        var customer = api.customer("ursula");
        String admin = api.admin();

        api.get("users/" + customer.id(), admin).expect(200);
        api.put("users/" + customer.id(), admin, ProfilesIT.profile("Ursula M.", customer.email())).expect(200);
        api.delete("users/" + customer.id(), admin).expect(204);
        api.get("users/" + customer.id(), admin).problem(404);
    }

    @Test
    void theLastAdminCannotBeDemotedNorDeleted() {
        String admin = api.admin();
        String adminId = api.get("users/me", admin).json().getString("id");
        var deputy = api.customer("vitor");
        api.put("users/" + deputy.id() + "/role", admin, role("admin")).expect(200);
        String deputyToken = api.signIn(deputy.email(), "correct horse battery");

        api.put("users/" + deputy.id() + "/role", deputyToken, role("customer")).expect(200);

        api.put("users/" + adminId + "/role", admin, role("customer")).problem(409);
        api.delete("users/" + adminId, admin).problem(409);
        assertThat(api.get("users/me", admin).json().getString("role")).isEqualTo("admin");
    }

    static JsonObject role(String role) {
        return Json.createObjectBuilder().add("role", role).build();
    }
}
