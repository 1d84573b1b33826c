package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Who sees which orders. */
class ReadingIT extends AmongNeighbours {

    @Test
    void anotherCustomersOrderDoesNotExistForMe() {
        var pizza = neighbours.product("Lombinho", 5890);
        var owner = Api.customer();
        var stranger = Api.customer();
        String id = api.order(owner, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201).json().getString("id");

        api.get("orders/" + id, stranger).problem(404);
        api.post("orders/" + id + "/cancel", stranger, jakarta.json.Json.createObjectBuilder().build()).problem(404);
        api.get("orders/" + id, Api.kitchen()).expect(200);
        api.get("orders/" + id, Api.admin()).expect(200);
        api.get("orders/" + java.util.UUID.randomUUID(), owner).problem(404);
        api.get("orders/" + id, null).problem(401);
    }

    @Test
    void customersListTheirOwnOrdersAndStaffListEveryonesWithFilters() {
        var pizza = neighbours.product("Escarola", 5290);
        var gourmet = neighbours.product("Trufada", 8990);
        neighbours.shortProducts.add(gourmet.id());
        var customer = Api.customer();
        api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 10).expect(201);
        String rejected = api.order(customer, Api.key(), Api.orderOf("tok_approved", gourmet.id()), 10).expect(201).json()
                .getString("id");
        api.order(Api.customer(), Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201);

        JsonObject mine = api.get("orders", customer).expect(200).json();
        JsonObject mineRejected = api.get("orders?status=REJECTED", customer).expect(200).json();
        JsonObject everyone = api.get("orders?limit=100", Api.admin()).expect(200).json();

        assertThat(mine.getInt("total")).isEqualTo(2);
        assertThat(mineRejected.getInt("total")).isEqualTo(1);
        assertThat(mineRejected.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(rejected);
        assertThat(everyone.getInt("total")).isGreaterThanOrEqualTo(3);
        assertThat(api.get("orders?from=2999-01-01T00:00:00Z", customer).json().getInt("total")).isZero();
        api.get("orders?status=LOST", customer).problem(400);
        api.get("orders?from=yesterday", customer).problem(400);
        api.get("orders?limit=101", customer).problem(400);
    }
}
