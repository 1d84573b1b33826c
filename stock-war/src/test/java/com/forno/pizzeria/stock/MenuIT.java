package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.testing.ClientIT;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MenuIT extends ClientIT<Api> {

    @Test
    void theMenuIsPublicAndCountsWhatTheScarcestIngredientMakes() {
        // 1000 g less a 100 g buffer makes 4 pizzas of 200 g; 10 units of dough would make 10
        String cheese = api.ingredient("MUCARELA", 1000, 100, 100);
        String dough = api.ingredient("MASSA", 10, 2, 0);
        String id = api.product("Calabresa", Api.recipe(cheese, 200, dough, 1));

        JsonObject item = api.menuItem(id);

        assertThat(item.getJsonNumber("available").longValue()).isEqualTo(4);
        assertThat(item.getBoolean("soldOut")).isFalse();
        assertThat(item.getString("category")).isEqualTo("PIZZA");
        assertThat(item.getJsonNumber("priceCents").longValue()).isEqualTo(4990);
        assertThat(item.getString("description")).isEqualTo("Made by a test");
        assertThat(item.keySet()).containsExactlyInAnyOrder("productId", "name", "description", "category",
                "priceCents", "available", "soldOut");
        api.get("stock/menu", Tokens.customer()).expect(200);
    }

    @Test
    void aProductSellsOutByItselfWhenAnIngredientRunsOutAndComesBackAfterARestock() {
        String cheese = api.ingredient("MUCARELA", 1000, 100, 0);
        String tuna = api.ingredient("ATUM", 300, 50, 50);
        String id = api.product("Atum", Api.recipe(cheese, 150, tuna, 120));
        // (300 - 50 buffer) / 120 = 2 pizzas; after 140 g go, (160 - 50) / 120 = 0
        assertThat(api.menuItem(id).getJsonNumber("available").longValue()).isEqualTo(2);

        api.move(tuna, "WASTE", 140, "smelled off").expect(201);

        JsonObject soldOut = api.menuItem(id);
        assertThat(soldOut.getJsonNumber("available").longValue()).isZero();
        assertThat(soldOut.getBoolean("soldOut")).isTrue();

        api.move(tuna, "RESTOCK", 1000, "delivery").expect(201);

        JsonObject back = api.menuItem(id);
        assertThat(back.getJsonNumber("available").longValue()).isEqualTo(6);
        assertThat(back.getBoolean("soldOut")).isFalse();
    }

    @Test
    void aManual86HoldsUntilLiftedOrUntilItsTime() {
        String cheese = api.ingredient("MUCARELA", 1000, 100, 0);
        String id = api.product("Frango com Catupiry", Api.recipe(cheese, 200));

        api.post("stock/products/" + id + "/sold-out", api.admin, null).expect(204);

        JsonObject eightySixed = api.menuItem(id);
        assertThat(eightySixed.getBoolean("soldOut")).isTrue();
        assertThat(eightySixed.getJsonNumber("available").longValue()).as("what the ingredients make").isEqualTo(5);
        JsonObject product = api.get("stock/products/" + id, api.admin).expect(200).json();
        assertThat(product.getBoolean("manuallySoldOut")).isTrue();
        assertThat(!product.containsKey("soldOutUntil") || product.isNull("soldOutUntil")).as("until lifted").isTrue();

        api.delete("stock/products/" + id + "/sold-out", api.admin).expect(204);
        assertThat(api.menuItem(id).getBoolean("soldOut")).isFalse();

        Instant until = Instant.now().plusSeconds(3);
        api.post("stock/products/" + id + "/sold-out", api.admin,
                Json.createObjectBuilder().add("until", until.toString()).build()).expect(204);
        assertThat(api.menuItem(id).getBoolean("soldOut")).isTrue();
        assertThat(Instant.parse(api.get("stock/products/" + id, api.admin).expect(200).json().getString("soldOutUntil")))
                .isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        await("the 86 ends by itself").atMost(Duration.ofSeconds(15))
                .until(() -> !api.menuItem(id).getBoolean("soldOut"));
        await("the sweeper lifted it").atMost(Duration.ofSeconds(15))
                .until(() -> !api.get("stock/products/" + id, api.admin).expect(200).json().getBoolean("manuallySoldOut"));

        api.post("stock/products/" + id + "/sold-out", api.admin,
                Json.createObjectBuilder().add("until", Instant.now().minusSeconds(60).toString()).build())
                .violations("until");
        assertThat(api.menuItem(id).getBoolean("soldOut")).isFalse();
    }
}
