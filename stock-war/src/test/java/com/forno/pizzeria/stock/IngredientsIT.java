package com.forno.pizzeria.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.stock.ReserveStock;
import com.forno.pizzeria.contracts.stock.StockReserved;
import com.forno.pizzeria.testing.ClientIT;
import com.forno.pizzeria.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngredientsIT extends ClientIT<Api> {

    @Test
    void anAdminAddsAnIngredientWhoseOpeningStockIsTheLedgersFirstLine() {
        String sku = Api.sku("MUCARELA");

        Api.Answer created = api.post("stock/ingredients", api.admin, Api.ingredientBody(sku, "g", 5000, 1000, 200))
                .expect(201);

        JsonObject ingredient = created.json();
        assertThat(created.location()).endsWith("/stock/ingredients/" + sku);
        assertThat(ingredient.getString("sku")).isEqualTo(sku);
        assertThat(ingredient.getString("unit")).isEqualTo("g");
        assertThat(ingredient.getJsonNumber("onHand").longValue()).isEqualTo(5000);
        assertThat(ingredient.getJsonNumber("reserved").longValue()).isZero();
        assertThat(ingredient.getJsonNumber("available").longValue()).isEqualTo(4800);
        assertThat(ingredient.getJsonNumber("lowStockThreshold").longValue()).isEqualTo(1000);
        assertThat(ingredient.getJsonNumber("safetyBuffer").longValue()).isEqualTo(200);
        assertThat(ingredient.getBoolean("low")).isFalse();
        assertThat(api.ingredient(sku)).isEqualTo(ingredient);

        JsonObject ledger = api.get("stock/ingredients/" + sku + "/movements", api.admin).expect(200).json();
        assertThat(ledger.getInt("total")).isEqualTo(1);
        JsonObject first = ledger.getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("type")).isEqualTo("RESTOCK");
        assertThat(first.getJsonNumber("onHandDelta").longValue()).isEqualTo(5000);
        assertThat(first.getString("reason")).isEqualTo("opening stock");
        assertThat(Db.balance(sku)).isEqualTo(new Db.Balance(5000, 0, 5000, 0));
    }

    @Test
    void anIngredientWithoutStockHasAnEmptyLedgerAndIsLow() {
        String sku = Api.sku("OREGANO");

        JsonObject ingredient = api.post("stock/ingredients", api.admin, Api.ingredientBody(sku, "g", 0, 10, 0))
                .expect(201).json();

        assertThat(ingredient.getBoolean("low")).isTrue();
        assertThat(api.get("stock/ingredients/" + sku + "/movements", api.admin).expect(200).json().getInt("total")).isZero();
    }

    @Test
    void aTakenSkuIsAConflict() {
        String sku = api.ingredient("TOMATE", 100, 10, 0);

        JsonObject problem = api.post("stock/ingredients", api.admin, Api.ingredientBody(sku, "g", 5, 1, 0)).problem(409);

        assertThat(problem.getString("type")).endsWith("/sku-taken");
        assertThat(api.ingredient(sku).getJsonNumber("onHand").longValue()).isEqualTo(100);
    }

    @Test
    void anInvalidIngredientIsRefusedWithEveryViolation() {
        JsonObject body = Json.createObjectBuilder().add("sku", "lower case").add("unit", "kg").add("onHand", -1)
                .add("lowStockThreshold", 10).add("reserved", 5).build();

        JsonObject problem = api.post("stock/ingredients", api.admin, body).violations("sku", "name", "unit", "onHand", "reserved");

        assertThat(problem.getString("type")).endsWith("/validation");
        api.answer(api.at("stock/ingredients", api.admin).post(Entity.json("{\"sku\": "))).problem(400);
        api.post("stock/ingredients", api.admin, null).problem(400);
    }

    @Test
    void onlyAdminsManageIngredients() {
        String sku = api.ingredient("ALHO", 100, 10, 0);
        String customer = Tokens.customer();

        api.get("stock/ingredients", null).problem(401);
        api.get("stock/ingredients/" + sku, null).problem(401);
        api.post("stock/ingredients", null, Api.ingredientBody(Api.sku("X"), "g", 1, 1, 0)).problem(401);
        api.get("stock/ingredients", "not.a.token").problem(401);
        api.get("stock/ingredients", customer).problem(403);
        api.get("stock/ingredients/" + sku, customer).problem(403);
        api.post("stock/ingredients", customer, Api.ingredientBody(Api.sku("X"), "g", 1, 1, 0)).problem(403);
        api.post("stock/ingredients/" + sku + "/movements", customer, Json.createObjectBuilder()
                .add("type", "WASTE").add("quantity", 1).add("reason", "x").build()).problem(403);
        api.get("stock/ingredients/" + sku + "/movements", customer).problem(403);
    }

    @Test
    void anUnknownIngredientIsNotFound() {
        String sku = Api.sku("NOTHING");

        assertThat(api.get("stock/ingredients/" + sku, api.admin).problem(404).getString("type")).endsWith("/ingredient-not-found");
        api.move(sku, "RESTOCK", 10, "delivery").problem(404);
        api.get("stock/ingredients/" + sku + "/movements", api.admin).problem(404);
    }

    @Test
    void ingredientsComeAPageAtATime() {
        for (int i = 0; i < 3; i++) {
            api.ingredient("PAGE", 10, 1, 0);
        }

        JsonObject page = api.get("stock/ingredients?limit=2&offset=1", api.admin).expect(200).json();

        assertThat(page.getJsonArray("items")).hasSize(2);
        assertThat(page.getInt("total")).isGreaterThanOrEqualTo(3);
        assertThat(page.getInt("limit")).isEqualTo(2);
        assertThat(page.getInt("offset")).isEqualTo(1);
        api.get("stock/ingredients?limit=101", api.admin).problem(400);
        api.get("stock/ingredients?limit=0", api.admin).problem(400);
        api.get("stock/ingredients?offset=-1", api.admin).problem(400);
    }

    @Test
    void movementsChangeStockAndAreLedgeredNewestFirst() {
        String sku = api.ingredient("FARINHA", 1000, 100, 0);

        Api.Answer restock = api.move(sku, "RESTOCK", 500, "delivery from Moinho").expect(201);
        api.move(sku, "WASTE", 200, "bag torn").expect(201);
        api.move(sku, "ADJUSTMENT", -50, "count on Monday").expect(201);
        api.move(sku, "ADJUSTMENT", 10, "count on Tuesday").expect(201);

        JsonObject movement = restock.json();
        assertThat(movement.getString("type")).isEqualTo("RESTOCK");
        assertThat(movement.getJsonNumber("onHandAfter").longValue()).isEqualTo(1500);
        assertThat(movement.getString("actor")).isNotBlank().isNotEqualTo("system");
        assertThat(api.answer(Api.CLIENT.target(restock.location()).request()
                .header("Authorization", "Bearer " + api.admin).get()).expect(200).json()).isEqualTo(movement);
        assertThat(api.ingredient(sku).getJsonNumber("onHand").longValue()).isEqualTo(1260);
        JsonObject ledger = api.get("stock/ingredients/" + sku + "/movements?limit=2&offset=0", api.admin).expect(200).json();
        assertThat(ledger.getInt("total")).isEqualTo(5);
        assertThat(ledger.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("reason"))
                .containsExactly("count on Tuesday", "count on Monday");
        assertThat(Db.balance(sku)).isEqualTo(new Db.Balance(1260, 0, 1260, 0));
    }

    @Test
    void aMovementsQuantityMustFitItsType() {
        String sku = api.ingredient("SAL", 1000, 100, 0);

        api.move(sku, "RESTOCK", 0, "nothing").violations("quantity");
        api.move(sku, "WASTE", -5, "negative waste").violations("quantity");
        api.move(sku, "ADJUSTMENT", 0, "no change").violations("quantity");
        api.move(sku, "SALE", 5, "by hand").violations("type");
        api.move(sku, "RESTOCK", 5, " ").violations("reason");

        assertThat(Db.balance(sku)).isEqualTo(new Db.Balance(1000, 0, 1000, 0));
    }

    @Test
    void aMovementCannotMakeStockNegative() {
        String sku = api.ingredient("AZEITE", 300, 10, 0);

        assertThat(api.move(sku, "WASTE", 301, "spilled").problem(409).getString("type")).endsWith("/negative-stock");
        api.move(sku, "ADJUSTMENT", -301, "count").problem(409);

        assertThat(api.ingredient(sku).getJsonNumber("onHand").longValue()).isEqualTo(300);
        api.move(sku, "WASTE", 300, "spilled all").expect(201);
        assertThat(Db.balance(sku)).isEqualTo(new Db.Balance(0, 0, 0, 0));
    }

    @Test
    void aMovementCannotTakeWhatIsHeldForOrders() throws Exception {
        String sku = api.ingredient("CALABRESA", 1000, 10, 0);
        String product = api.product("Calabresa", Api.recipe(sku, 300));
        UUID order = UUID.randomUUID();
        Bus.get().send(new ReserveStock(order, List.of(new ReserveStock.Line(UUID.fromString(product), 2))), order);
        assertThat(Bus.get().awaitReply(order)).isInstanceOf(StockReserved.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.ingredient(sku).getJsonNumber("reserved").longValue() == 600);

        assertThat(api.move(sku, "WASTE", 401, "dropped").problem(409).getString("type")).endsWith("/below-reserved");
        api.move(sku, "ADJUSTMENT", -401, "count").problem(409);
        api.move(sku, "WASTE", 400, "dropped what was free").expect(201);

        JsonObject ingredient = api.ingredient(sku);
        assertThat(ingredient.getJsonNumber("onHand").longValue()).isEqualTo(600);
        assertThat(ingredient.getJsonNumber("available").longValue()).isZero();
        Db.Balance balance = Db.balance(sku);
        assertThat(balance.onHandFromLedger()).isEqualTo(balance.onHand());
        assertThat(balance.reservedFromLedger()).isEqualTo(balance.reserved());
    }
}
