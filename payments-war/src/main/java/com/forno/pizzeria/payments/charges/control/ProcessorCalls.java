package com.forno.pizzeria.payments.charges.control;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests reached the processor for one payment operation, retries included, so the payment can record
 * it. Thread-safe: Fault Tolerance runs each attempt on a thread of its own.
 */
public final class ProcessorCalls {

    private final AtomicInteger count = new AtomicInteger();

    void add() {
        count.incrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
