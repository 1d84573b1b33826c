package com.forno.pizzeria.stock.ingredients.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngredientTest {

    static final Instant NOW = Instant.parse("2025-05-01T19:00:00Z");
    static final Change ADMIN = Change.byAdmin("admin-1", NOW, "delivery");

    static Ingredient mozzarella(long onHand, long threshold, long buffer) {
        Ingredient ingredient = new Ingredient("MUCARELA", "Queijo muçarela", Unit.GRAM, threshold, buffer, NOW);
        if (onHand > 0) {
            ingredient.restock(onHand, ADMIN);
        }
        ingredient.settleLowState();
        return ingredient;
    }

    @Test
    void availableIsOnHandLessReservedLessTheSafetyBufferNeverBelowZero() {
        assertThat(Ingredient.available(1000, 300, 100)).isEqualTo(600);
        assertThat(Ingredient.available(1000, 950, 100)).isZero();
        assertThat(Ingredient.available(50, 0, 100)).isZero();
        assertThat(Ingredient.available(0, 0, 0)).isZero();
    }

    @Test
    void lowMeansAvailableAtOrBelowTheThreshold() {
        assertThat(Ingredient.low(301, 300)).isFalse();
        assertThat(Ingredient.low(300, 300)).isTrue();
        assertThat(Ingredient.low(0, 0)).isTrue();
    }

    @Test
    void everyChangeReturnsTheLedgerLineThatDescribesIt() {
        Ingredient cheese = mozzarella(5000, 1000, 200);
        UUID order = UUID.randomUUID();

        Movement reserve = cheese.reserve(700, Change.forOrder(order, NOW, "held"));
        Movement sale = cheese.sell(500, Change.forOrder(order, NOW, "sold"));
        Movement release = cheese.unreserve(MovementType.RELEASE, 200, Change.forOrder(order, NOW, "released"));
        Movement waste = cheese.move(MovementType.WASTE, -300, ADMIN);

        assertThat(reserve.type()).isEqualTo(MovementType.RESERVE);
        assertThat(reserve.reservedDelta()).isEqualTo(700);
        assertThat(reserve.orderId()).isEqualTo(order);
        assertThat(reserve.actor()).isEqualTo(Change.SYSTEM);
        assertThat(sale.onHandDelta()).isEqualTo(-500);
        assertThat(sale.reservedDelta()).isEqualTo(-500);
        assertThat(release.reservedAfter()).isZero();
        assertThat(waste.onHandAfter()).isEqualTo(4200);
        assertThat(cheese.onHand()).isEqualTo(4200);
        assertThat(cheese.reserved()).isZero();
        assertThat(cheese.available()).isEqualTo(4000);
    }

    @Test
    void reservingMoreThanIsOnHandBreaksAnInvariantAndChangesNothing() {
        Ingredient cheese = mozzarella(500, 100, 0);

        assertThatThrownBy(() -> cheese.reserve(501, Change.forOrder(UUID.randomUUID(), NOW, "held")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cheese.sell(1, Change.forOrder(UUID.randomUUID(), NOW, "sold")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cheese.move(MovementType.WASTE, -501, ADMIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cheese.reserve(0, Change.forOrder(UUID.randomUUID(), NOW, "held")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cheese.onHand()).isEqualTo(500);
        assertThat(cheese.reserved()).isZero();
    }

    @Test
    void aManualMovementCannotGoBelowWhatIsHeld() {
        Ingredient cheese = mozzarella(1000, 100, 0);
        cheese.reserve(600, Change.forOrder(UUID.randomUUID(), NOW, "held"));

        assertThat(cheese.wouldGoBelowReserved(-401)).isTrue();
        assertThat(cheese.wouldGoBelowReserved(-400)).isFalse();
        assertThat(cheese.wouldGoNegative(-1001)).isTrue();
        assertThat(cheese.wouldGoNegative(-1000)).isFalse();
        assertThatThrownBy(() -> cheese.move(MovementType.ADJUSTMENT, -401, ADMIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cheese.move(MovementType.SALE, -1, ADMIN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLowStateIsAnnouncedOnlyWhenItFlips() {
        Ingredient cheese = mozzarella(1000, 300, 0);

        cheese.move(MovementType.WASTE, -600, ADMIN);
        assertThat(cheese.lowStateChange()).as("400 is not low").isEmpty();
        cheese.move(MovementType.WASTE, -200, ADMIN);
        assertThat(cheese.lowStateChange()).contains(true);
        cheese.move(MovementType.WASTE, -50, ADMIN);
        assertThat(cheese.lowStateChange()).as("still low: nothing new").isEmpty();
        cheese.restock(500, ADMIN);
        assertThat(cheese.lowStateChange()).contains(false);
        assertThat(cheese.lowStateChange()).isEmpty();
    }

    @Test
    void aNewIngredientAnnouncesNothingAboutItsOpeningState() {
        assertThat(mozzarella(0, 100, 0).lowStateChange()).isEmpty();
        assertThat(mozzarella(5000, 100, 0).lowStateChange()).isEmpty();
    }
}
