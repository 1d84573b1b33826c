package com.forno.pizzeria.payments.charges.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One authorisation attempt for an order and what became of it. Created {@link #authorized} or {@link #declined};
 * it then moves only forward (see {@link PaymentStatus}) and refuses any other move, so that a bug can never turn a
 * released hold back into a charge.
 * <p>
 * A decline whose authorisation had an unknown outcome (the processor may hold money under the order's reference)
 * and whose void by reference failed {@link #owesVoid owes} that void until {@link #voidedByReference one goes
 * through}: still DECLINED for the saga, but not settled at the processor.
 */
@Entity
@Table(name = "payments")
public class Payment {

    public static final String CURRENCY = "BRL";

    @Id
    private UUID id;
    @Column(updatable = false)
    private UUID orderId;
    @Column(updatable = false)
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    @Column(updatable = false)
    private long amountCents;
    @Column(updatable = false)
    private String currency;
    private String reason;
    @Column(updatable = false)
    private String authorizationCode;
    private int processorCalls;
    private Instant voidPendingSince;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Payment() {
    }

    private Payment(UUID orderId, UUID customerId, long amountCents, PaymentStatus status, String reason,
                    String authorizationCode, int processorCalls, Instant now) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a payment is for a positive amount, not " + amountCents);
        }
        this.id = UUID.randomUUID();
        this.orderId = Objects.requireNonNull(orderId);
        this.customerId = Objects.requireNonNull(customerId);
        this.amountCents = amountCents;
        this.currency = CURRENCY;
        this.status = status;
        this.reason = reason;
        this.authorizationCode = authorizationCode;
        this.processorCalls = processorCalls;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The processor holds {@code amountCents} on the card under {@code authorizationCode}. */
    public static Payment authorized(UUID orderId, UUID customerId, long amountCents, String authorizationCode,
                                     int processorCalls, Instant now) {
        return new Payment(orderId, customerId, amountCents, PaymentStatus.AUTHORIZED, null,
                Objects.requireNonNull(authorizationCode), processorCalls, now);
    }

    /** Nothing was held, for {@code reason}. */
    public static Payment declined(UUID orderId, UUID customerId, long amountCents, DeclineReason reason,
                                   int processorCalls, Instant now) {
        return new Payment(orderId, customerId, amountCents, PaymentStatus.DECLINED, reason.name(), null,
                processorCalls, now);
    }

    /** The held amount was taken. */
    public void captured(int calls, Instant now) {
        move(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED, reason, calls, now);
    }

    /** The hold was released before anything was taken. */
    public void voided(String why, int calls, Instant now) {
        move(PaymentStatus.AUTHORIZED, PaymentStatus.VOIDED, why, calls, now);
    }

    /** What was taken was given back. */
    public void refunded(String why, int calls, Instant now) {
        move(PaymentStatus.CAPTURED, PaymentStatus.REFUNDED, why, calls, now);
    }

    /** The processor may hold money under this declined payment's reference, and voiding it failed: it is owed. */
    public void owesVoid(Instant now) {
        if (status != PaymentStatus.DECLINED) {
            throw new IllegalStateException("payment " + id + " is " + status + ": only a decline owes a void by reference");
        }
        if (voidPendingSince == null) {
            voidPendingSince = now;
            updatedAt = now;
        }
    }

    /** A void by reference went through: nothing is held for this payment any more. */
    public void voidedByReference(int calls, Instant now) {
        if (voidPendingSince == null) {
            throw new IllegalStateException("payment " + id + " owes no void by reference");
        }
        voidPendingSince = null;
        processorCalls += calls;
        updatedAt = now;
    }

    /** A void by reference was tried and failed again: still owed; the calls are counted all the same. */
    public void voidByReferenceFailed(int calls, Instant now) {
        if (voidPendingSince == null) {
            throw new IllegalStateException("payment " + id + " owes no void by reference");
        }
        processorCalls += calls;
        updatedAt = now;
    }

    private void move(PaymentStatus from, PaymentStatus to, String why, int calls, Instant now) {
        if (status != from) {
            throw new IllegalStateException("payment " + id + " is " + status + ", it cannot become " + to);
        }
        status = to;
        reason = why;
        processorCalls += calls;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public PaymentStatus status() {
        return status;
    }

    public long amountCents() {
        return amountCents;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public String authorizationCode() {
        return authorizationCode;
    }

    public int processorCalls() {
        return processorCalls;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Since when a void by reference is owed; empty when none is. */
    public Optional<Instant> voidPendingSince() {
        return Optional.ofNullable(voidPendingSince);
    }
}
