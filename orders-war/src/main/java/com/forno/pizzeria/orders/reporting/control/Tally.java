package com.forno.pizzeria.orders.reporting.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one order adds to a report's table. An order's tallies are a function of its summary alone; applying an event
 * takes the tallies of the summary before away and adds those after (through {@link Folding}), so every report is the
 * sum over the orders whatever order, or how often, the events came in.
 */
public sealed interface Tally {

    /** A confirmed sale (not cancelled since), on the local day of its confirmation. */
    record Sale(LocalDate day, long units, long revenueCents) implements Tally {
    }

    record ProductSale(LocalDate day, UUID productId, String name, long units, long revenueCents) implements Tally {
    }

    /** A payment's answer in the local hour it came, {@code reason} "" when approved. */
    record PaymentOutcome(Instant hour, String outcome, String reason) implements Tally {
    }

    /** An order that ended without a sale, on the local day it ended. */
    record Rejection(LocalDate day, String reason) implements Tally {
    }

    /** An ingredient that was short for such an order. */
    record Missing(LocalDate day, String sku, String name) implements Tally {
    }
}
