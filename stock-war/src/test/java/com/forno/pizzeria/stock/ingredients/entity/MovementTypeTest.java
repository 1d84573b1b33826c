package com.forno.pizzeria.stock.ingredients.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MovementTypeTest {

    @Test
    void aRestockAddsAPositiveQuantity() {
        assertThat(MovementType.RESTOCK.manualDelta(500).onHand()).isEqualTo(500);
        assertThat(MovementType.RESTOCK.manualDelta(0).invalid()).isPresent();
        assertThat(MovementType.RESTOCK.manualDelta(-5).invalid()).isPresent();
    }

    @Test
    void wasteRemovesAPositiveQuantity() {
        assertThat(MovementType.WASTE.manualDelta(200).onHand()).isEqualTo(-200);
        assertThat(MovementType.WASTE.manualDelta(-200).invalid()).isPresent();
    }

    @Test
    void anAdjustmentIsSignedButNeverZero() {
        assertThat(MovementType.ADJUSTMENT.manualDelta(-50).onHand()).isEqualTo(-50);
        assertThat(MovementType.ADJUSTMENT.manualDelta(10).onHand()).isEqualTo(10);
        assertThat(MovementType.ADJUSTMENT.manualDelta(0).invalid()).isPresent();
    }

    @Test
    void reservationMovementsAreNeverRecordedByHand() {
        for (MovementType type : new MovementType[] {MovementType.SALE, MovementType.RESERVE, MovementType.RELEASE,
                MovementType.EXPIRE}) {
            assertThat(type.manualDelta(10).invalid()).as(type.name()).isPresent();
            assertThat(type.name()).doesNotMatch(MovementType.MANUAL_PATTERN);
        }
    }
}
