package com.forno.pizzeria.ai.chat.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.ai.chat.entity.Facts;
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
class InsightsTest {

    Insights insights;
    List<String> queries;

    @BeforeEach
    void tools() {
        queries = new ArrayList<>();
        insights = new Insights();
        insights.zone = "America/Sao_Paulo";
        insights.clock = Clock.fixed(Instant.parse("2025-11-26T15:00:00Z"), ZoneOffset.UTC);
        insights.facts = new ShopFacts() {
            @Override
            public List<Facts.ProductSales> topProducts(ZonedDateTime from, ZonedDateTime to, Scope category, int limit) {
                queries.add("top " + from + " " + to + " " + category + " " + limit);
                return List.of(new Facts.ProductSales("Calabresa", 12, 65880));
            }

            @Override
            public Totals sales(ZonedDateTime from, ZonedDateTime to, Scope scope) {
                queries.add("sales " + from + " " + to);
                return new Totals(4, 20000);
            }
        };
    }

    @Test
    void aPeriodOfAtMost366DaysIsAccepted() {
        assertThat(insights.revenue("2025-01-01", "2026-01-01").period().days()).isEqualTo(366);
        assertThatThrownBy(() -> insights.revenue("2025-01-01", "2026-01-02"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("366");
        assertThat(queries).hasSize(1);
    }

    @Test
    void aPeriodMustBeDatesInOrder() {
        assertThatThrownBy(() -> insights.revenue("2025-11-26", "2025-11-01")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> insights.revenue("yesterday", "2025-11-01")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> insights.revenue("2025-11-01'; drop table orders; --", "2025-11-02"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> insights.revenue(null, "2025-11-02")).isInstanceOf(InvalidInput.class);
        assertThat(queries).isEmpty();
    }

    @Test
    void todayIsTheClocksDayInThePizzeriasZoneUnlessADayIsConfigured() {
        insights.clock = Clock.fixed(Instant.parse("2025-11-27T02:00:00Z"), ZoneOffset.UTC);
        assertThat(insights.today()).hasToString("2025-11-26");

        insights.fixedToday = java.util.Optional.of("2024-02-29");
        assertThat(insights.today()).hasToString("2024-02-29");
        insights.fixedToday = java.util.Optional.of(" ");
        assertThat(insights.today()).hasToString("2025-11-26");
    }

    @Test
    void aLimitIsOneToFifty() {
        assertThatThrownBy(() -> insights.topProducts("2025-11-01", "2025-11-02", null, 0))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> insights.topProducts("2025-11-01", "2025-11-02", null, 51))
                .isInstanceOf(InvalidInput.class);
        assertThat(insights.topProducts("2025-11-01", "2025-11-02", null, 50).products()).hasSize(1);
        assertThat(queries).hasSize(1);
    }

    @Test
    void aCategoryIsOneOfTheMenus() {
        assertThatThrownBy(() -> insights.topProducts("2025-11-01", "2025-11-02", "EMAILS", 5))
                .isInstanceOf(InvalidInput.class);
        assertThat(insights.topProducts("2025-11-01", "2025-11-02", "pizza", 5).category()).isEqualTo("PIZZA");
    }

    @Test
    void daysAreThoseOfThePizzeriasTimeZone() {
        insights.topProducts("2025-11-26", "2025-11-26", null, 5);

        assertThat(queries.get(0)).startsWith("top 2025-11-26T00:00-03:00[America/Sao_Paulo] "
                + "2025-11-27T00:00-03:00[America/Sao_Paulo]");
    }

    @Test
    void theAverageTicketIsRoundedCents() {
        assertThat(insights.averageTicket("2025-11-01", "2025-11-26").averageCents()).isEqualTo(5000);
    }
}
