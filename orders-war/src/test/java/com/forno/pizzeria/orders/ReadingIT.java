package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Who sees which orders. */
class ReadingIT extends AmongNeighbours {

    @Test
    void anotherCustomersOrderDoesNotExistForMe() {
        var owner = Api.customer();
        String id = api.place(owner, "tok_approved", 0, neighbours.product("Lombinho", 5890).id()).getString("id");
        var stranger = Api.customer();

        api.get("orders/" + id, stranger).problem(404);
        api.cancel(id, stranger).problem(404);
        api.get("orders/" + id, Api.kitchen()).expect(200);
        api.get("orders/" + id, Api.admin()).expect(200);
        api.get("orders/" + java.util.UUID.randomUUID(), owner).problem(404);
        api.get("orders/" + id, null).problem(401);
    }

    @Test
    void customersListTheirOwnOrdersAndStaffListEveryonesWithFilters() {
        var customer = Api.customer();
        var pizza = neighbours.product("Escarola", 5290);
        var gourmet = neighbours.product("Trufada", 8990);
        neighbours.shortProducts.add(gourmet.id());
        api.place(customer, "tok_approved", 10, pizza.id());
        String rejected = api.place(customer, "tok_approved", 10, gourmet.id()).getString("id");
        api.place(Api.customer(), "tok_approved", 0, pizza.id());

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
