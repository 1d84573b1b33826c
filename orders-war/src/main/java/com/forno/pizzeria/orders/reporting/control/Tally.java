package com.forno.pizzeria.orders.reporting.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one order adds to a report's table. An order's tallies are a function of its summary alone; applying an event
 * takes the tallies of the summary before away and adds those after, so every report is the sum over the orders
 * whatever order, or how often, the events came in.
 */
public sealed interface Tally {

    /** Orders the updates of one transaction: every transaction locks report rows in this order (no deadlock). */
    String lockOrder();

    /** A confirmed sale (not cancelled since), on the local day of its confirmation. */
    record Sale(LocalDate day, long units, long revenueCents) implements Tally {
        public String lockOrder() {
            return "1 " + day;
        }
    }

    record ProductSale(LocalDate day, UUID productId, String name, long units, long revenueCents) implements Tally {
        public String lockOrder() {
            return "2 " + day + " " + productId;
        }
    }

    /** A payment's answer in the local hour it came, {@code reason} "" when approved. */
    record PaymentOutcome(Instant hour, String outcome, String reason) implements Tally {
        public String lockOrder() {
            return "3 " + hour + " " + outcome + " " + reason;
        }
    }

    /** An order that ended without a sale, on the local day it ended. */
    record Rejection(LocalDate day, String reason) implements Tally {
        public String lockOrder() {
            return "4 " + day + " " + reason;
        }
    }

    /** An ingredient that was short for such an order. */
    record Missing(LocalDate day, String sku, String name) implements Tally {
        public String lockOrder() {
            return "5 " + day + " " + sku;
        }
    }
}
