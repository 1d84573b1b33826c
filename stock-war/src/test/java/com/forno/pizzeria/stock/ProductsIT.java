package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductsIT extends ClientIT<Api> {

    @Test
    void anAdminCreatesReadsAndReplacesAProductWithItsRecipe() {
        String cheese = api.ingredient("MUCARELA", 2000, 100, 0);
        String tomato = api.ingredient("MOLHO", 1000, 100, 0);
        String basil = api.ingredient("MANJERICAO", 50, 5, 0);
        String name = Api.unique("Margherita");

        Api.Answer created = api.post("stock/products", api.admin,
                Api.productBody(name, "PIZZA", 4500, Api.recipe(tomato, 80, cheese, 200))).expect(201);

        JsonObject product = created.json();
        String id = product.getString("id");
        assertThat(created.location()).endsWith("/stock/products/" + id);
        assertThat(product.getString("name")).isEqualTo(name);
        assertThat(product.getString("category")).isEqualTo("PIZZA");
        assertThat(product.getJsonNumber("priceCents").longValue()).isEqualTo(4500);
        assertThat(product.getBoolean("active")).isTrue();
        assertThat(product.getJsonNumber("available").longValue()).isEqualTo(10);
        assertThat(product.getBoolean("soldOut")).isFalse();
        assertThat(product.getJsonArray("recipe").getValuesAs(JsonObject.class))
                .extracting(line -> line.getString("sku") + "=" + line.getJsonNumber("quantity").longValue())
                .containsExactlyInAnyOrder(cheese + "=200", tomato + "=80");
        assertThat(api.get("stock/products/" + id, api.admin).expect(200).json()).isEqualTo(product);

        JsonObject replaced = api.put("stock/products/" + id, api.admin, Json.createObjectBuilder(
                        Api.productBody(name + " especial", "PIZZA", 5200, Api.recipe(cheese, 250, basil, 10)))
                .build()).expect(200).json();

        assertThat(replaced.getString("name")).isEqualTo(name + " especial");
        assertThat(replaced.getJsonNumber("priceCents").longValue()).isEqualTo(5200);
        assertThat(replaced.getJsonNumber("available").longValue()).isEqualTo(5);
        assertThat(replaced.getJsonArray("recipe")).hasSize(2);
        assertThat(api.get("stock/products/" + id, api.admin).expect(200).json()).isEqualTo(replaced);
        assertThat(api.menuItem(id).getString("name")).isEqualTo(name + " especial");
        JsonObject page = api.get("stock/products?limit=100", api.admin).expect(200).json();
        assertThat(page.getInt("total")).isPositive();
    }

    @Test
    void aRecipeNamesExistingIngredientsEachOnce() {
        String cheese = api.ingredient("MUCARELA", 2000, 100, 0);
        String unknown = Api.sku("UNKNOWN");

        api.post("stock/products", api.admin, Api.productBody(Api.unique("Fantasma"), "PIZZA", 4000,
                Api.recipe(cheese, 200, unknown, 10))).violations("recipe[1].sku");
        api.post("stock/products", api.admin, Api.productBody(Api.unique("Dupla"), "PIZZA", 4000,
                Api.recipe(cheese, 200, cheese, 10))).violations("recipe[1].sku");
        api.post("stock/products", api.admin, Api.productBody(Api.unique("Vazia"), "PIZZA", 4000,
                Api.recipe())).violations("recipe");
        api.post("stock/products", api.admin, Api.productBody(Api.unique("Gratis"), "PASTA", 0,
                Api.recipe(cheese, 0))).violations("category", "priceCents", "recipe[0].quantity");
        api.post("stock/products", api.admin, Json.createObjectBuilder(Api.productBody(Api.unique("Pronta"), "PIZZA",
                4000, Api.recipe(cheese, 200))).add("id", UUID.randomUUID().toString()).build()).violations("id");
    }

    @Test
    void productNamesAreUniqueIgnoringCase() {
        String cheese = api.ingredient("MUCARELA", 2000, 100, 0);
        String name = Api.unique("Quatro Queijos");
        api.post("stock/products", api.admin, Api.productBody(name, "PIZZA", 5000, Api.recipe(cheese, 300))).expect(201);

        JsonObject problem = api.post("stock/products", api.admin,
                Api.productBody(name.toUpperCase(), "PIZZA", 5100, Api.recipe(cheese, 300))).problem(409);

        assertThat(problem.getString("type")).endsWith("/product-name-taken");
    }

    @Test
    void onlyAdminsManageProductsAndUnknownOnesAreNotFound() {
        String cheese = api.ingredient("MUCARELA", 2000, 100, 0);
        String id = api.product("Muçarela", Api.recipe(cheese, 200));
        String customer = Tokens.customer();
        JsonObject body = Api.productBody(Api.unique("Napolitana"), "PIZZA", 4000, Api.recipe(cheese, 200));

        api.post("stock/products", null, body).problem(401);
        api.post("stock/products", customer, body).problem(403);
        api.get("stock/products/" + id, customer).problem(403);
        api.put("stock/products/" + id, customer, body).problem(403);
        api.post("stock/products/" + id + "/sold-out", customer, Json.createObjectBuilder().build()).problem(403);
        api.delete("stock/products/" + id + "/sold-out", null).problem(401);

        String unknown = UUID.randomUUID().toString();
        assertThat(api.get("stock/products/" + unknown, api.admin).problem(404).getString("type")).endsWith("/product-not-found");
        api.put("stock/products/" + unknown, api.admin, body).problem(404);
        api.post("stock/products/" + unknown + "/sold-out", api.admin, Json.createObjectBuilder().build()).problem(404);
        api.delete("stock/products/" + unknown + "/sold-out", api.admin).problem(404);
        api.get("stock/products/not-a-uuid", api.admin).problem(404);
    }

    @Test
    void aDeactivatedProductLeavesTheMenuAndStaysOffWhenAPutLeavesActiveOut() {
        String cheese = api.ingredient("MUCARELA", 2000, 100, 0);
        String id = api.product("Portuguesa", Api.recipe(cheese, 200));
        assertThat(api.onMenu(id)).isTrue();
        JsonObject edit = Api.productBody(Api.unique("Portuguesa"), "PIZZA", 4700, Api.recipe(cheese, 200));

        JsonObject inactive = api.put("stock/products/" + id, api.admin,
                Json.createObjectBuilder(edit).add("active", false).build()).expect(200).json();

        assertThat(inactive.getBoolean("active")).isFalse();
        assertThat(inactive.getBoolean("soldOut")).isTrue();
        assertThat(api.onMenu(id)).isFalse();
        assertThat(api.put("stock/products/" + id, api.admin, edit).expect(200).json().getBoolean("active")).isFalse();
        api.put("stock/products/" + id, api.admin, Json.createObjectBuilder(edit).add("active", true).build()).expect(200);
        assertThat(api.onMenu(id)).isTrue();
    }
}
