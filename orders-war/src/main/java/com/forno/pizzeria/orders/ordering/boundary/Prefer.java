package com.forno.pizzeria.orders.ordering.boundary;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code wait} preference of RFC 7240 ({@code Prefer: wait=5}), capped at ten seconds. */
final class Prefer {

    static final int MAX_WAIT_SECONDS = 10;
    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[;,\\s])wait\\s*=\\s*(\\d{1,6})");

    private Prefer() {
    }

    static Duration waitOf(String header) {
        if (header == null) {
            return Duration.ZERO;
        }
        Matcher matcher = WAIT.matcher(header);
        return matcher.find()
                ? Duration.ofSeconds(Math.min(Long.parseLong(matcher.group(1)), MAX_WAIT_SECONDS))
                : Duration.ZERO;
    }
}
