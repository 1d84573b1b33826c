package com.forno.pizzeria.stock.reservations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.stock.ReserveStock.Line;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.stock.menu.entity.RecipeLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NeedsTest {

    static final UUID CALABRESA = UUID.randomUUID();
    static final UUID MARGHERITA = UUID.randomUUID();
    static final UUID GUARANA = UUID.randomUUID();

    static final Map<UUID, List<RecipeLine>> RECIPES = Map.of(
            CALABRESA, List.of(new RecipeLine("MUCARELA", 150), new RecipeLine("CALABRESA", 150), new RecipeLine("MASSA", 1)),
            MARGHERITA, List.of(new RecipeLine("MUCARELA", 220), new RecipeLine("TOMATE", 100), new RecipeLine("MASSA", 1)),
            GUARANA, List.of(new RecipeLine("GUARANA-LATA", 1)));

    @Test
    void sumsTheUnitsOfAProductThatAppearsOnSeveralLines() {
        var units = Needs.unitsPerProduct(List.of(new Line(CALABRESA, 2), new Line(GUARANA, 3), new Line(CALABRESA, 1)));

        assertThat(units).contains(Map.of(CALABRESA, 3L, GUARANA, 3L));
    }

    @Test
    void refusesLinesThatMakeNoSense() {
        assertThat(Needs.unitsPerProduct(List.of())).isEmpty();
        assertThat(Needs.unitsPerProduct(null)).isEmpty();
        assertThat(Needs.unitsPerProduct(List.of(new Line(CALABRESA, 0)))).isEmpty();
        assertThat(Needs.unitsPerProduct(List.of(new Line(CALABRESA, 1), new Line(GUARANA, -2)))).isEmpty();
        assertThat(Needs.unitsPerProduct(List.of(new Line(null, 1)))).isEmpty();
        assertThat(Needs.unitsPerProduct(Arrays.asList(new Line(CALABRESA, 1), null))).isEmpty();
    }

    @Test
    void addsUpEachIngredientOverEveryProductOfTheOrder() {
        SortedMap<String, Long> needs = Needs.perIngredient(Map.of(CALABRESA, 2L, MARGHERITA, 1L, GUARANA, 3L), RECIPES);

        assertThat(needs).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "CALABRESA", 300L, "GUARANA-LATA", 3L, "MASSA", 3L, "MUCARELA", 520L, "TOMATE", 100L)));
    }

    @Test
    void listsIngredientsInAscendingSkuOrderTheOrderTheyAreLockedIn() {
        SortedMap<String, Long> needs = Needs.perIngredient(Map.of(MARGHERITA, 1L, CALABRESA, 1L), RECIPES);

        List<String> skus = new ArrayList<>(needs.keySet());
        assertThat(skus).isSorted().doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void overflowingQuantitiesAreAnErrorNotAWraparound() {
        Map<UUID, List<RecipeLine>> huge = Map.of(CALABRESA, List.of(new RecipeLine("MUCARELA", Long.MAX_VALUE / 2)));

        assertThatThrownBy(() -> Needs.perIngredient(Map.of(CALABRESA, 3L), huge)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsWhenMozzarellaIsShortAndNamesOnlyWhatIsShort() {
        SortedMap<String, Long> needs = new TreeMap<>(Map.of("MASSA", 2L, "MUCARELA", 520L, "TOMATE", 100L));

        List<Shortage> shortages = Needs.shortages(needs, Map.of("MASSA", 10L, "MUCARELA", 519L, "TOMATE", 100L),
                Map.of("MASSA", "Massa", "MUCARELA", "Muçarela", "TOMATE", "Tomate"));

        assertThat(shortages).containsExactly(new Shortage("MUCARELA", 520, 519, "Muçarela"));
    }

    @Test
    void anIngredientWithNothingFreeIsShortByAllItNeeds() {
        SortedMap<String, Long> needs = new TreeMap<>(Map.of("ATUM", 150L, "CEBOLA", 60L));

        assertThat(Needs.shortages(needs, Map.of("ATUM", 0L), Map.of("ATUM", "Atum", "CEBOLA", "Cebola")))
                .containsExactly(new Shortage("ATUM", 150, 0, "Atum"), new Shortage("CEBOLA", 60, 0, "Cebola"));
    }
}
