package com.forno.pizzeria.orders.ordering.entity;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** A transition of an order: to which status, why, when. */
@Embeddable
public class TimelineEntry {

    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private Reason reason;
    private Instant at;

    protected TimelineEntry() {
    }

    TimelineEntry(OrderStatus status, Reason reason, Instant at) {
        this.status = status;
        this.reason = reason;
        this.at = at;
    }

    public OrderStatus status() {
        return status;
    }

    public Reason reason() {
        return reason;
    }

    public Instant at() {
        return at;
    }
}
