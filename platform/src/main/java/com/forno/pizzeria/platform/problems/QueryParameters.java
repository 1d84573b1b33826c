package com.forno.pizzeria.platform.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Optional query parameters parsed the same way everywhere: blank is absent, malformed is a 400 naming the field. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A day such as 2026-12-07, or null when absent. */
    public static LocalDate day(String field, String value) {
        return parsed(field, value, LocalDate::parse, "must be a date such as 2026-12-07 (the pizzeria's local day)");
    }

    /** An ISO-8601 instant, or null when absent. */
    public static Instant instant(String field, String value) {
        return parsed(field, value, Instant::parse, "must be an ISO-8601 instant such as 2026-11-29T18:00:00Z");
    }

    private static <T> T parsed(String field, String value, Function<String, T> parse, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (DateTimeParseException e) {
            throw new Violations(field, expected);
        }
    }
}
