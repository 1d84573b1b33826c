package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.ai.chat.entity.ToolResults;
import com.forno.pizzeria.ai.chat.entity.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tools validate what they are given (by the router or by a language model) before any SQL runs. */
class ShopToolsTest {

    ShopTools shopTools;
    List<String> asked;

    @BeforeEach
    void tools() {
        asked = new ArrayList<>();
        shopTools = new ShopTools();
        shopTools.zone = "America/Sao_Paulo";
        shopTools.clock = Clock.fixed(Instant.parse("2025-11-26T15:00:00Z"), ZoneOffset.UTC);
        shopTools.queries = new AnalyticsQueries() {
            @Override
            public List<ToolResults.ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, Scope category, int limit) {
                asked.add("top " + from + " " + to + " " + category + " " + limit);
                return List.of(new ToolResults.ProductSales("Calabresa", 12, 65880));
            }

            @Override
            public Totals sales(ZonedDateTime from, ZonedDateTime to, Scope scope) {
                asked.add("sales " + from + " " + to);
                return new Totals(4, 20000);
            }
        };
    }

    @Test
    void aPeriodOfAtMost366DaysIsAccepted() {
        assertThat(shopTools.revenue("2025-01-01", "2026-01-01").period().days()).isEqualTo(366);
        assertThatThrownBy(() -> shopTools.revenue("2025-01-01", "2026-01-02"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("366");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aPeriodMustBeDatesInOrder() {
        assertThatThrownBy(() -> shopTools.revenue("2025-11-26", "2025-11-01")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> shopTools.revenue("yesterday", "2025-11-01")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> shopTools.revenue("2025-11-01'; drop table orders; --", "2025-11-02"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> shopTools.revenue(null, "2025-11-02")).isInstanceOf(InvalidInput.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void todayIsTheClocksDayInThePizzeriasZoneUnlessADayIsConfigured() {
        shopTools.clock = Clock.fixed(Instant.parse("2025-11-27T02:00:00Z"), ZoneOffset.UTC);
        assertThat(shopTools.today()).hasToString("2025-11-26");

        shopTools.fixedToday = java.util.Optional.of("2024-02-29");
        assertThat(shopTools.today()).hasToString("2024-02-29");
        shopTools.fixedToday = java.util.Optional.of(" ");
        assertThat(shopTools.today()).hasToString("2025-11-26");
    }

    @Test
    void aLimitIsOneToFifty() {
        assertThatThrownBy(() -> shopTools.topProducts("2025-11-01", "2025-11-02", null, 0))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> shopTools.topProducts("2025-11-01", "2025-11-02", null, 51))
                .isInstanceOf(InvalidInput.class);
        assertThat(shopTools.topProducts("2025-11-01", "2025-11-02", null, 50).products()).hasSize(1);
        assertThat(asked).hasSize(1);
    }

    @Test
    void aCategoryIsOneOfTheMenus() {
        assertThatThrownBy(() -> shopTools.topProducts("2025-11-01", "2025-11-02", "EMAILS", 5))
                .isInstanceOf(InvalidInput.class);
        assertThat(shopTools.topProducts("2025-11-01", "2025-11-02", "pizza", 5).category()).isEqualTo("PIZZA");
    }

    @Test
    void daysAreThoseOfThePizzeriasTimeZone() {
        shopTools.topProducts("2025-11-26", "2025-11-26", null, 5);

        assertThat(asked.get(0)).startsWith("top 2025-11-26T00:00-03:00[America/Sao_Paulo] "
                + "2025-11-27T00:00-03:00[America/Sao_Paulo]");
    }

    @Test
    void theAverageTicketIsRoundedCents() {
        assertThat(shopTools.averageTicket("2025-11-01", "2025-11-26").averageCents()).isEqualTo(5000);
    }
}
