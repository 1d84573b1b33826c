package com.forno.pizzeria.platform.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Optional query parameters parsed the same way everywhere: blank is absent, malformed is a 400 naming the field. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A day such as 2026-12-07, or null when absent. */
    public static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Violations(field, "must be a date such as 2026-12-07 (the pizzeria's local day)");
        }
    }

    /** An ISO-8601 instant, or null when absent. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Violations(field, "must be an ISO-8601 instant such as 2026-11-29T18:00:00Z");
        }
    }
}
