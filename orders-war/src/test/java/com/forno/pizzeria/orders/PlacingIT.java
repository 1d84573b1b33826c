package com.forno.pizzeria.orders;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What POST /orders accepts, refuses and repeats. */
class PlacingIT extends AmongNeighbours {

    @Test
    void withoutWaitingTheAnswerIsPendingWithServerPrices() {
        var pizza = neighbours.product("Muçarela", 4590);
        neighbours.silentProducts.add(pizza.id());

        var answer = api.order(Api.customer(), Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201);

        assertThat(answer.json().getString("status")).isEqualTo("PENDING");
        assertThat(answer.json().getJsonNumber("totalCents").longValue()).isEqualTo(2 * 4590);
        assertThat(answer.response().getLocation().getPath()).isEqualTo("/orders/" + answer.json().getString("id"));
    }

    @Test
    void theSameKeyAndBodyGiveTheSameOrderEvenUnderConcurrentReplays() throws Exception {
        var pizza = neighbours.product("Calabresa acebolada", 5490);
        var customer = Api.customer();
        String key = Api.key();
        JsonObject body = Api.orderOf("tok_approved", pizza.id());

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Api.Answer>> replays = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replays.add(pool.submit((Callable<Api.Answer>) () -> api.order(customer, key, body, 0)));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<Api.Answer> replay : replays) {
                ids.add(replay.get().expect(201).json().getString("id"));
            }
            assertThat(ids).hasSize(1);
            var orders = api.get("orders?limit=100", customer).expect(200).json();
            assertThat(orders.getInt("total")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        var pizza = neighbours.product("Romeu e Julieta", 4790);
        var customer = Api.customer();
        String key = Api.key();
        api.order(customer, key, Api.orderOf("tok_approved", pizza.id()), 0).expect(201);

        JsonObject problem = api.order(customer, key, Api.orderOf("tok_declined", pizza.id()), 0).problem(422);

        assertThat(problem.getString("type")).endsWith("/idempotency-key-reused");
    }

    @Test
    void anotherCustomerMayUseTheSameKey() {
        var pizza = neighbours.product("Marguerita", 4990);
        String key = Api.key();

        String first = api.order(Api.customer(), key, Api.orderOf("tok_approved", pizza.id()), 0).expect(201).json().getString("id");
        String second = api.order(Api.customer(), key, Api.orderOf("tok_approved", pizza.id()), 0).expect(201).json().getString("id");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        var pizza = neighbours.product("Vegetariana", 5290);

        var answer = Api.answer(api.at("orders", Api.customer()).post(Entity.json(Api.orderOf("tok_approved", pizza.id()).toString())));

        assertThat(answer.problem(400).getJsonArray("violations").getJsonObject(0).getString("field"))
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void sizesAndQuantitiesAreBounded() {
        var pizza = neighbours.product("Toscana", 5590);
        var customer = Api.customer();

        api.order(customer, Api.key(), body(List.of()), 0).problem(400);
        List<JsonObject> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(item(UUID.randomUUID(), 1));
        }
        api.order(customer, Api.key(), body(tooMany), 0).problem(400);
        api.order(customer, Api.key(), body(List.of(item(pizza.id(), 0))), 0).problem(400);
        api.order(customer, Api.key(), body(List.of(item(pizza.id(), 21))), 0).problem(400);
        api.order(customer, Api.key(), body(List.of(item(pizza.id(), 1), item(pizza.id(), 2))), 0).problem(400);
        JsonObject problem = api.order(customer, Api.key(), body(List.of(item(UUID.randomUUID(), 1))), 0).problem(422);
        assertThat(problem.getString("type")).endsWith("/unknown-products");
        assertThat(api.get("orders", customer).json().getInt("total")).isZero();
    }

    @Test
    void theClientCannotSetPricesStatusOrCustomer() {
        var pizza = neighbours.product("Brócolis", 5190);
        JsonObject body = Json.createObjectBuilder()
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder(item(pizza.id(), 1)).add("unitPriceCents", 1)))
                .add("payment", Json.createObjectBuilder().add("cardToken", "tok_approved"))
                .add("status", "CONFIRMED").add("customerId", UUID.randomUUID().toString()).add("totalCents", 1)
                .build();

        JsonObject problem = api.order(Api.customer(), Api.key(), body, 0).problem(400);

        assertThat(problem.getJsonArray("violations").stream().map(v -> v.asJsonObject().getString("field")))
                .containsExactlyInAnyOrder("items[0].unitPriceCents", "status", "customerId", "totalCents");
    }

    @Test
    void withoutTheMenuNoOrderIsAcceptedBlind() {
        var pizza = neighbours.product("Alho e Óleo", 4690);
        var customer = Api.customer();
        neighbours.menuDown = true;
        try {
            JsonObject problem = api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).problem(503);
            assertThat(problem.getString("type")).endsWith("/menu-unavailable");
        } finally {
            neighbours.menuDown = false;
        }
        assertThat(api.get("orders", customer).json().getInt("total")).isZero();
    }

    @Test
    void theMenuIsReadOncePerCacheWindowAndCarriesOrdersThroughABriefOutage() {
        var pizza = neighbours.product("Marguerita", 4490);
        var customer = Api.customer();
        api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201);
        int reads = neighbours.menuReads.get();

        neighbours.menuDown = true;
        try {
            var answer = api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201);
            assertThat(answer.json().getJsonNumber("totalCents").longValue()).isEqualTo(2 * 4490);
        } finally {
            neighbours.menuDown = false;
        }
        api.order(customer, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).expect(201);

        // the container tests keep the menu for a minute (orders.menu.cache-ms): both orders were priced from it
        assertThat(neighbours.menuReads.get()).isEqualTo(reads);
    }

    @Test
    void aProductNewerThanTheCachedMenuIsSoldAtOnce() {
        var known = neighbours.product("Portuguesa", 5190);
        var customer = Api.customer();
        api.order(customer, Api.key(), Api.orderOf("tok_approved", known.id()), 0).expect(201);

        var created = neighbours.product("Frango com Catupiry", 5590);
        var answer = api.order(customer, Api.key(), Api.orderOf("tok_approved", created.id()), 0).expect(201);

        assertThat(answer.json().getJsonNumber("totalCents").longValue()).isEqualTo(2 * 5590);
        assertThat(answer.json().getJsonArray("items").getJsonObject(0).getString("name"))
                .isEqualTo("Frango com Catupiry");
    }

    @Test
    void onlyCustomersPlaceOrdersAndOnlyWithAToken() {
        var pizza = neighbours.product("Siciliana", 5390);

        api.order(Api.kitchen(), Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).problem(403);
        api.order(null, Api.key(), Api.orderOf("tok_approved", pizza.id()), 0).problem(401);
    }

    static JsonObject item(UUID product, int quantity) {
        return Json.createObjectBuilder().add("productId", product.toString()).add("quantity", quantity).build();
    }

    static JsonObject body(List<JsonObject> items) {
        var array = Json.createArrayBuilder();
        items.forEach(array::add);
        return Json.createObjectBuilder().add("items", array)
                .add("payment", Json.createObjectBuilder().add("cardToken", "tok_approved")).build();
    }
}
