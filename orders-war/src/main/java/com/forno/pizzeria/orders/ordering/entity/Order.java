package com.forno.pizzeria.orders.ordering.entity;

import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import com.forno.pizzeria.platform.addresses.Address;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An order and the state of the saga that decides it. Every status change goes through a method here that checks
 * it is allowed and records it in the timeline, so "confirmed" can only follow "stock held and payment authorised".
 */
@Entity
@Table(name = "orders")
public class Order {

    public static final String WEB = "WEB";
    public static final String PARTNER = "PARTNER";
    public static final String CARD = "CARD";
    public static final String PREPAID = "PREPAID";

    @Id
    private UUID id;
    private UUID customerId;
    private String idempotencyKey;
    private String requestHash;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    private Reason reason;
    private String shortages;
    private long totalCents;
    private String currency;
    @Embedded
    private Address deliveryAddress;
    private String cardToken;
    private String paymentReason;
    private Instant holdExpiresAt;
    private int attempts;
    private Instant nextAttemptAt;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    private Instant decidedAt;
    @Version
    private long version;
    /** WEB, or PARTNER for an order a partner placed over the broker. */
    private String channel = WEB;
    private String partner;
    private String partnerOrderId;
    /** CARD (authorised by payments), or PREPAID: the partner collected the money, nothing to authorise. */
    private String paymentMethod = CARD;
    private String customerName;
    private String customerPhone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_timeline", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Order() {
    }

    public Order(UUID customerId, String idempotencyKey, String requestHash, List<OrderLine> lines,
                 Address deliveryAddress, String cardToken, Instant now, Instant answerDueAt) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.lines = new ArrayList<>(lines);
        this.totalCents = lines.stream().mapToLong(OrderLine::totalCents).sum();
        this.currency = "BRL";
        this.deliveryAddress = deliveryAddress;
        this.cardToken = cardToken;
        this.createdAt = now;
        this.nextAttemptAt = answerDueAt;
        move(OrderStatus.PENDING, null, now);
    }

    /**
     * A partner's order: its customer is the partner ({@code partnerCustomer}), its idempotency key the partner's own
     * order id. {@code cardToken} is null when prepaid.
     */
    public static Order fromPartner(String partner, UUID partnerCustomer, String partnerOrderId, String requestHash,
                                    List<OrderLine> lines, Address deliveryAddress, String customerName,
                                    String customerPhone, boolean prepaid, String cardToken, Instant now,
                                    Instant answerDueAt) {
        Order order = new Order(partnerCustomer, partnerOrderId, requestHash, lines, deliveryAddress,
                prepaid ? null : cardToken, now, answerDueAt);
        order.channel = PARTNER;
        order.partner = partner;
        order.partnerOrderId = partnerOrderId;
        order.paymentMethod = prepaid ? PREPAID : CARD;
        order.customerName = customerName;
        order.customerPhone = customerPhone;
        return order;
    }

    // --- the saga's transitions ------------------------------------------------------------------------------

    /** Stock holds every ingredient until {@code expiresAt}: now the payment. */
    public void stockReserved(Instant expiresAt, Instant now, Instant answerDueAt) {
        require(OrderStatus.PENDING);
        this.holdExpiresAt = expiresAt;
        this.attempts = 0;
        this.nextAttemptAt = answerDueAt;
        move(OrderStatus.AWAITING_PAYMENT, null, now);
    }

    public void rejectForLackOfStock(List<Shortage> shortages, Instant now) {
        require(OrderStatus.PENDING);
        this.shortages = Json.toJson(shortages);
        decide(OrderStatus.REJECTED, Reason.OUT_OF_STOCK, now);
    }

    /** Stock holds every ingredient of an order the partner was paid for: confirmed with nothing to authorise. */
    public void confirmPrepaid(Instant expiresAt, Instant now) {
        require(OrderStatus.PENDING);
        if (!prepaid()) {
            throw new IllegalStateException("order " + id + " is paid by card: it needs an authorisation");
        }
        this.holdExpiresAt = expiresAt;
        decide(OrderStatus.CONFIRMED, null, now);
    }

    /** Stock held and payment authorised: the only way to CONFIRMED (but for a prepaid order). */
    public void confirm(Instant now) {
        require(OrderStatus.AWAITING_PAYMENT);
        decide(OrderStatus.CONFIRMED, null, now);
    }

    public void paymentDeclined(String processorReason, Instant now) {
        require(OrderStatus.AWAITING_PAYMENT);
        this.paymentReason = processorReason;
        decide(OrderStatus.CANCELLED, Reason.PAYMENT_DECLINED, now);
    }

    /**
     * Stock could not honour the confirmation (its hold had expired and the ingredients went to other orders):
     * cancelled for lack of stock, with what was short, so the timeline and the order say why. Only before the
     * kitchen starts: after that the food exists.
     */
    public void stockLostAfterConfirmation(List<Shortage> shortages, Instant now) {
        require(OrderStatus.CONFIRMED);
        this.shortages = Json.toJson(shortages);
        decide(OrderStatus.CANCELLED, Reason.OUT_OF_STOCK, now);
    }

    public void cancel(Reason why, Instant now) {
        if (status.terminal()) {
            throw new IllegalStateException("order " + id + " is already " + status);
        }
        decide(OrderStatus.CANCELLED, why, now);
    }

    /** The kitchen moves a confirmed order along, one step at a time. */
    public void advance(OrderStatus next, Instant now) {
        require(next.previousKitchenStep());
        move(next, null, now);
    }

    /** The saga asked again (stock or payment did not answer in time). */
    public void retried(Instant now, Instant answerDueAt) {
        this.attempts++;
        this.nextAttemptAt = answerDueAt;
        this.updatedAt = now;
    }

    /** The hold on the ingredients ends before {@code now + margin}: too late to confirm on it. */
    public boolean holdEndsBefore(Instant instant) {
        return holdExpiresAt != null && holdExpiresAt.isBefore(instant);
    }

    private void decide(OrderStatus decided, Reason why, Instant now) {
        this.reason = why;
        if (decidedAt == null) {
            this.decidedAt = now; // when the saga first settled it, even if an admin cancels it later
        }
        this.cardToken = null; // not needed once the payment question is settled
        this.nextAttemptAt = null;
        move(decided, why, now);
    }

    private void move(OrderStatus next, Reason why, Instant now) {
        this.status = next;
        this.updatedAt = now;
        this.timeline.add(new TimelineEntry(next, why, now));
    }

    private void require(OrderStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("order " + id + " is " + status + ", not " + expected);
        }
    }

    // --- reading ---------------------------------------------------------------------------------------------

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String channel() {
        return channel;
    }

    /** The partner that placed it, or null for a web order. */
    public String partner() {
        return partner;
    }

    public String partnerOrderId() {
        return partnerOrderId;
    }

    public boolean prepaid() {
        return PREPAID.equals(paymentMethod);
    }

    public String customerName() {
        return customerName;
    }

    public String customerPhone() {
        return customerPhone;
    }

    /** Whether it was ever confirmed: a cancellation after that is a status change, before it a refusal. */
    public boolean everConfirmed() {
        return timeline.stream().anyMatch(entry -> entry.status() == OrderStatus.CONFIRMED);
    }

    public OrderStatus status() {
        return status;
    }

    public Reason reason() {
        return reason;
    }

    public List<Shortage> shortages() {
        return shortages == null ? List.of() : Arrays.asList(Json.fromJson(shortages, Shortage[].class));
    }

    public long totalCents() {
        return totalCents;
    }

    public String currency() {
        return currency;
    }

    public Address deliveryAddress() {
        return deliveryAddress == null || deliveryAddress.isEmpty() ? null : deliveryAddress;
    }

    public String cardToken() {
        return cardToken;
    }

    /** The processor's words for a declined payment, or null. */
    public String paymentReason() {
        return paymentReason;
    }

    public int attempts() {
        return attempts;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
