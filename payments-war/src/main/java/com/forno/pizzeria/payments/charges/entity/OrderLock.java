package com.forno.pizzeria.payments.charges.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The row every command about an order locks first ({@code SELECT … FOR UPDATE}), so that the commands of one
 * order apply one at a time across consumer sessions and instances. It also keeps the order's cancellation: a void
 * that came before the authorisation leaves it as a tombstone, and the late authorisation is declined.
 * Rows are created by {@code Payments.lock} with {@code INSERT … ON CONFLICT DO NOTHING}, never by JPA.
 */
@Entity
@Table(name = "order_locks")
public class OrderLock {

    @Id
    private UUID orderId;
    private Instant cancelledAt;
    private String cancelReason;

    protected OrderLock() {
    }

    public OrderLock(UUID orderId) {
        this.orderId = orderId;
    }

    /** Marks the order cancelled; the first cancellation's reason and time are kept. */
    public void cancel(String reason, Instant now) {
        if (cancelledAt == null) {
            cancelledAt = now;
            cancelReason = reason == null || reason.isBlank() ? "CANCELLED" : reason;
        }
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public UUID orderId() {
        return orderId;
    }

    public String cancelReason() {
        return cancelReason;
    }
}
