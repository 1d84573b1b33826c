package com.forno.pizzeria.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in and "me", as a customer does it, through nginx and the Portuguese aliases. */
class UsersThroughTheGatewayIT {

    @Test
    void aNewCustomerRegistersSignsInAndSeesThemselves() {
        var ana = Gateway.newCustomer("Ana Lima");

        JsonObject me = Gateway.get("users/me", ana.token()).expect(200).json();

        assertThat(me.getString("id")).isEqualTo(ana.id());
        assertThat(me.getString("email")).isEqualTo(ana.email());
        assertThat(me.getString("role")).isEqualTo("customer");
    }

    @Test
    void thePortugueseAliasReachesTheSameService() {
        String email = "bia-" + System.nanoTime() + "@example.com";
        JsonObject created = Gateway.politely(() -> Gateway.post("usuarios", null, Json.createObjectBuilder().add("name", "Bia")
                .add("email", email).add("password", Gateway.PASSWORD).build())).expect(201).json();

        String token = Gateway.politely(() -> Gateway.post("usuarios/login", null, Json.createObjectBuilder().add("email", email)
                .add("password", Gateway.PASSWORD).build())).expect(200).json().getString("accessToken");

        assertThat(Gateway.get("usuarios/me", token).expect(200).json().getString("id")).isEqualTo(created.getString("id"));
        assertThat(Gateway.get("usuarios/" + created.getString("id"), token).expect(200).json().getString("email"))
                .isEqualTo(email);
    }

    @Test
    void anotherCustomersAccountAnswers404() {
        var ana = Gateway.newCustomer("Carla");
        var bruno = Gateway.newCustomer("Bruno");

        Gateway.get("users/" + bruno.id(), ana.token()).problem(404);
        Gateway.put("users/" + bruno.id(), ana.token(), Json.createObjectBuilder().add("name", "x")
                .add("email", bruno.email()).build()).problem(404);
    }

    @Test
    void aCustomerOnAnAdminRouteIsForbidden() {
        var customer = Gateway.newCustomer("Davi");

        Gateway.get("users?limit=10", customer.token()).problem(403);
        Gateway.put("users/" + customer.id() + "/role", customer.token(),
                Json.createObjectBuilder().add("role", "admin").build()).problem(403);
        Gateway.get("users?limit=10", Gateway.admin()).expect(200);
    }
}
