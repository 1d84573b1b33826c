package com.forno.pizzeria.stock.menu.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductTest {

    static final Instant NOW = Instant.parse("2025-05-01T19:00:00Z");

    static Product calabresa() {
        return new Product("Calabresa", "", Category.PIZZA, 5490, true, List.of(new RecipeLine("MUCARELA", 150)), NOW);
    }

    @Test
    void aManual86UntilATimeEndsByItself() {
        Product product = calabresa();

        product.markSoldOut(NOW.plus(Duration.ofHours(2)), NOW);

        assertThat(product.offeredAt(NOW.plus(Duration.ofHours(1)))).isFalse();
        assertThat(product.offeredAt(NOW.plus(Duration.ofHours(2)))).isTrue();
    }

    @Test
    void aManual86WithoutATimeLastsUntilLifted() {
        Product product = calabresa();

        product.markSoldOut(null, NOW);

        assertThat(product.offeredAt(NOW.plus(Duration.ofDays(365)))).isFalse();
        product.liftSoldOut(NOW);
        assertThat(product.offeredAt(NOW)).isTrue();
    }

    @Test
    void anInactiveProductIsNotOffered() {
        Product product = calabresa();

        product.describe("Calabresa", "", Category.PIZZA, 5490, false, List.of(new RecipeLine("MUCARELA", 150)), NOW);

        assertThat(product.offeredAt(NOW)).isFalse();
    }

    @Test
    void aProductNeedsARecipeAndAPrice() {
        assertThatThrownBy(() -> new Product("Ar", "", Category.PIZZA, 100, true, List.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Product("Grátis", "", Category.PIZZA, 0, true, List.of(new RecipeLine("X", 1)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecipeLine("X", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calabresa().markSoldOut(NOW.minusSeconds(1), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachFlipIsAnnouncedOnce() {
        Product product = calabresa();
        product.settleSoldOut(false);

        assertThat(product.announce(false)).isFalse();
        assertThat(product.announce(true)).isTrue();
        assertThat(product.announce(true)).isFalse();
        assertThat(product.announce(false)).isTrue();
    }
}
