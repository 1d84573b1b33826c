package com.forno.pizzeria.ai.it;

import static com.forno.pizzeria.ai.it.Shop.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.testing.ClientIT;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /recommendations/{userId} through the real WAR, on orders and stock written into the other schemas. */
class RecommendationsIT extends ClientIT<Api> {

    @BeforeAll
    static void otherServicesSchemas() {
        Shop.ready();
    }

    static Instant hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours));
    }

    /** A product made of one ingredient, {@code perUnit} of it each, with {@code onHand} of it in stock. */
    static UUID madeOf(String product, String category, String description, String ingredient, long onHand,
                       long perUnit) {
        String sku = Shop.ingredient(Shop.unique(ingredient), onHand, 10);
        return Shop.product(product, category, description, Map.of(sku, perUnit));
    }

    /** {@code orders} orders of other customers, each of five {@code product}, an hour apart from {@code hoursAgo}. */
    static void orderedByOthers(UUID product, int orders, int hoursAgo) {
        for (int i = 0; i < orders; i++) {
            Shop.order(UUID.randomUUID(), "DELIVERED", null, hoursAgo(hoursAgo + i), null, line(product, 5, 5000));
        }
    }

    static List<String> names(JsonArray recommendations) {
        return recommendations.stream().map(r -> r.asJsonObject().getString("name")).toList();
    }

    static JsonObject named(JsonArray recommendations, String name) {
        return recommendations.stream().map(JsonValue::asJsonObject).filter(r -> r.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + recommendations));
    }

    @Test
    void aCustomerGetsFavouritesAndDiscoveriesWithReasons() {
        String favourite = Shop.unique("Calabresa da Casa");
        String drink = Shop.unique("Cola lata");
        UUID favouriteId = madeOf(favourite, "PIZZA", "Calabresa fatiada, cebola e muçarela", "Calabresa", 100_000,
                150);
        UUID drinkId = madeOf(drink, "DRINK", "350 ml", "Cola", 100_000, 1);
        for (int i = 0; i < 6; i++) {
            UUID other = UUID.randomUUID();
            Shop.order(other, "DELIVERED", null, hoursAgo(30 + i), null, line(favouriteId, 1, 5490), line(drinkId, 1, 700));
        }
        UUID customer = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Shop.order(customer, "DELIVERED", null, hoursAgo(50 + 24 * i), null, line(favouriteId, 1, 5490));
        }

        JsonArray mine = api.recommendations(Api.customer(customer), customer);

        assertThat(mine).hasSizeBetween(2, 5);
        assertThat(named(mine, favourite).getString("reason")).isEqualTo("Peça de novo: você já pediu 3 vezes");
        assertThat(named(mine, drink).getString("reason")).isIn("Combina com sua pizza " + favourite,
                "Porque você pediu " + favourite);
        assertThat(mine.stream().map(JsonValue::asJsonObject)).allSatisfy(r -> {
            assertThat(r.getString("reason")).isNotBlank();
            assertThat(r.getJsonNumber("score").doubleValue()).isBetween(0.0, 1.0);
            assertThat(r.getString("productId")).isNotBlank();
        });
        assertThat(mine.stream().map(r -> r.asJsonObject().getJsonNumber("score").doubleValue()).toList())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void someoneElsesRecommendationsAre404ExceptForAnAdmin() {
        UUID customer = UUID.randomUUID();

        api.get("recommendations/" + customer, Api.customer(UUID.randomUUID())).problem(404);
        api.get("recommendations/not-a-uuid", Api.customer(customer)).problem(404);
        api.get("recommendations/" + customer, null).problem(401);
        assertThat(api.recommendations(Api.admin(), customer)).isNotNull();
        assertThat(api.recommendations(Api.customer(customer), customer)).isNotNull();
    }

    @Test
    void aLimitIsOneToTwenty() {
        Api.Person customer = Api.customer(UUID.randomUUID());

        JsonObject tooMany = api.get("recommendations/" + customer.id() + "?limit=21", customer).problem(400);
        assertThat(tooMany.getJsonArray("violations").getJsonObject(0).getString("field")).isEqualTo("limit");
        api.get("recommendations/" + customer.id() + "?limit=0", customer).problem(400);
        api.get("recommendations/" + customer.id() + "?limit=20", customer).expect(200);
    }

    @Test
    void aNewCustomerGetsThePopularProducts() {
        String hit = Shop.unique("Pizza do Momento");
        orderedByOthers(madeOf(hit, "PIZZA", "A mais pedida", "Massa", 1_000_000, 1), 40, 2);
        UUID newcomer = UUID.randomUUID();

        JsonArray theirs = api.recommendations(Api.customer(newcomer), newcomer);

        assertThat(theirs.getJsonObject(0).getString("name")).isEqualTo(hit);
        assertThat(theirs.getJsonObject(0).getString("reason")).isEqualTo("Mais pedida da semana");
        assertThat(theirs.stream().map(r -> r.asJsonObject().getString("reason")))
                .allMatch(reason -> reason.contains("pedida") || reason.startsWith("Popular"));
    }

    @Test
    void aProductThatCannotBeMadeIsNeverRecommended() {
        String mozzarella = Shop.ingredient(Shop.unique("Muçarela"), 50_000, 10);
        String popular = Shop.unique("Pizza Esgotável");
        UUID popularId = Shop.product(popular, "PIZZA", "Muçarela e tomate", Map.of(mozzarella, 200L));
        orderedByOthers(popularId, 12, 3);
        UUID regular = UUID.randomUUID();
        Shop.order(regular, "DELIVERED", null, hoursAgo(72), null, line(popularId, 1, 5000));
        UUID newcomer = UUID.randomUUID();
        assertThat(names(recommend(regular, 20))).contains(popular);
        assertThat(names(recommend(newcomer, 20))).contains(popular);

        Shop.onHand(mozzarella, 100);   // less than one pizza's worth: sold out ("86") by its ingredients
        assertThat(names(recommend(regular, 20))).doesNotContain(popular);
        assertThat(names(recommend(newcomer, 20))).doesNotContain(popular);

        Shop.onHand(mozzarella, 50_000);
        Shop.soldOutByHand(popularId, true);   // 86'd by hand
        assertThat(names(recommend(regular, 20))).doesNotContain(popular);
        assertThat(names(recommend(newcomer, 20))).doesNotContain(popular);

        Shop.soldOutByHand(popularId, false);
        assertThat(names(recommend(regular, 20))).contains(popular);
    }

    private JsonArray recommend(UUID customer, int limit) {
        return api.get("recommendations/" + customer + "?limit=" + limit, Api.customer(customer)).expect(200).array();
    }
}
