package com.forno.pizzeria.platform.requests;

import java.util.Optional;

/**
 * The {@code X-Request-Id} of the work the current thread is doing: set for an HTTP request by
 * {@link RequestIdFilter}, and for a message by the consumer from its envelope, so that every message sent
 * because of that work carries the same id, across services.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String requestId) {
        if (requestId == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(requestId);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }
}
