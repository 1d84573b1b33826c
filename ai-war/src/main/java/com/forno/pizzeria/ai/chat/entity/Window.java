package com.forno.pizzeria.ai.chat.entity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole days in the pizzeria's time zone, both ends included: {@code from} 00:00 up to the end of
 * {@code to}. At most {@link #MAX_DAYS} days, so that no question can scan the whole history.
 */
public record Window(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public Window {
        if (from == null || to == null) {
            throw new InvalidInput("from", "both ends of the period are needed (yyyy-MM-dd)",
                    "o período precisa de início e fim (aaaa-mm-dd)");
        }
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "the period ends before it starts",
                    "o período termina antes de começar");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInput("from", "the period may span at most " + MAX_DAYS + " days",
                    "o período pode ter no máximo " + MAX_DAYS + " dias");
        }
    }

    public static Window of(LocalDate from, LocalDate to) {
        return new Window(from, to);
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static Window last(int days, LocalDate today) {
        return new Window(today.minusDays(days - 1L), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public ZonedDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone);
    }

    /** The first instant after the window. */
    public ZonedDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone);
    }

    public boolean singleDay() {
        return from.equals(to);
    }
}
