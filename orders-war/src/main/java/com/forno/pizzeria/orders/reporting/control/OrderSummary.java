package com.forno.pizzeria.orders.reporting.control;

import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.contracts.orders.OrderCancelled;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderCreated;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.orders.OrderRejected;
import com.forno.pizzeria.contracts.orders.OrderStatusChanged;
import com.forno.pizzeria.contracts.stock.StockRejected.Shortage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One order as the read side knows it: everything its events said, merged so that the result depends only on which
 * events arrived, not on their order or how often (a redelivery, a duplicate, a status change before the creation it
 * follows, or a rebuild replaying what events already brought). The status is that of the timeline entry with the
 * highest {@code seq}; facts (the lines, the confirmation, the payment's answer, the end) are kept whenever they come.
 */
public final class OrderSummary {

    public static final String WEB = "WEB";
    public static final String APPROVED = "APPROVED";
    public static final String DECLINED = "DECLINED";

    /** A timeline entry. */
    public record Step(int seq, String status, Instant at, String reason) {
    }

    final UUID orderId;
    UUID customerId;
    String channel = WEB;
    String status;
    String reason;
    int lastSeq = -1;
    List<OrderLine> items;
    Long totalCents;
    DeliveryAddress deliveryAddress;
    List<Shortage> shortages;
    final TreeMap<Integer, Step> timeline = new TreeMap<>();
    Instant createdAt;
    Instant confirmedAt;
    Instant endedAt;
    String paymentOutcome;
    String paymentReason;
    Instant paymentAt;
    Instant eventAt;

    public OrderSummary(UUID orderId) {
        this.orderId = orderId;
    }

    /** Merges one of the orders' events; any other record is refused. */
    public OrderSummary merge(Record event) {
        if (event instanceof OrderCreated e) {
            customerId = e.customerId();
            if (e.channel() != null) {
                channel = e.channel();
            }
            lines(e.items(), e.totalCents());
            deliveryAddress = e.deliveryAddress();
            createdAt = e.createdAt();
            step(0, "PENDING", null, e.createdAt());
        } else if (event instanceof OrderConfirmed e) {
            customerId = e.customerId();
            lines(e.items(), e.totalCents());
            confirmedAt = e.confirmedAt();
            paid(APPROVED, null, e.confirmedAt());
            step(e.seq(), "CONFIRMED", null, e.confirmedAt());
        } else if (event instanceof OrderRejected e) {
            customerId = e.customerId();
            ended(e.rejectedAt(), e.shortages());
            step(e.seq(), "REJECTED", e.reason(), e.rejectedAt());
        } else if (event instanceof OrderCancelled e) {
            customerId = e.customerId();
            ended(e.cancelledAt(), e.shortages());
            if ("PAYMENT_DECLINED".equals(e.reason())) {
                // a reason once known stays: the merge must not depend on which copy of the fact came last
                paid(DECLINED, e.paymentReason() == null ? paymentReason : e.paymentReason(), e.cancelledAt());
            }
            step(e.seq(), "CANCELLED", e.reason(), e.cancelledAt());
        } else if (event instanceof OrderStatusChanged e) {
            customerId = e.customerId();
            step(e.seq(), e.status(), null, e.at());
        } else {
            throw new IllegalArgumentException("not an order event: " + event.getClass().getName());
        }
        return this;
    }

    /** What this order adds to the reports, with days and hours in {@code zone}. */
    public List<Tally> tallies(ZoneId zone) {
        List<Tally> tallies = new ArrayList<>();
        boolean ended = "REJECTED".equals(status) || "CANCELLED".equals(status);
        if (confirmedAt != null && !ended && items != null) {
            LocalDate day = day(confirmedAt, zone);
            tallies.add(new Tally.Sale(day, units(), totalCents));
            // a product on two lines (never, from the API; a partner might) counts once per day
            Map<UUID, Tally.ProductSale> products = new TreeMap<>();
            for (OrderLine line : items) {
                long revenue = line.quantity() * line.unitPriceCents();
                products.merge(line.productId(),
                        new Tally.ProductSale(day, line.productId(), line.name(), line.quantity(), revenue),
                        (a, b) -> new Tally.ProductSale(day, a.productId(), a.name(), a.units() + b.units(),
                                a.revenueCents() + b.revenueCents()));
            }
            tallies.addAll(products.values());
        }
        if (paymentOutcome != null) {
            Instant hour = paymentAt.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
            String why = APPROVED.equals(paymentOutcome) ? "" : paymentReason == null ? "UNKNOWN" : paymentReason;
            tallies.add(new Tally.PaymentOutcome(hour, paymentOutcome, why));
        }
        if (ended && endedAt != null && reason != null) {
            LocalDate day = day(endedAt, zone);
            tallies.add(new Tally.Rejection(day, reason));
            if (shortages != null) {
                shortages.stream().map(s -> new Tally.Missing(day, s.sku(), s.name())).distinct()
                        .forEach(tallies::add);
            }
        }
        return tallies;
    }

    private void lines(List<OrderLine> lines, long total) {
        if (lines != null && !lines.isEmpty()) {
            items = List.copyOf(lines);
            totalCents = total;
        }
    }

    private void paid(String outcome, String why, Instant at) {
        paymentOutcome = outcome;
        paymentReason = why;
        paymentAt = at;
    }

    private void ended(Instant at, List<Shortage> missing) {
        endedAt = at;
        if (missing != null && !missing.isEmpty()) {
            shortages = List.copyOf(missing);
        }
    }

    private void step(int seq, String to, String why, Instant at) {
        timeline.putIfAbsent(seq, new Step(seq, to, at, why));
        if (seq > lastSeq) {
            lastSeq = seq;
            status = to;
            reason = why;
        }
        if (eventAt == null || at.isAfter(eventAt)) {
            eventAt = at;
        }
    }

    int units() {
        return items == null ? 0 : items.stream().mapToInt(OrderLine::quantity).sum();
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofInstant(at, zone);
    }

    // --- reading ---------------------------------------------------------------------------------------------

    public UUID orderId() {
        return orderId;
    }

    public UUID customerId() {
        return customerId;
    }

    public String channel() {
        return channel;
    }

    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public List<OrderLine> items() {
        return items == null ? List.of() : items;
    }

    public long totalCents() {
        return totalCents == null ? 0 : totalCents;
    }

    public DeliveryAddress deliveryAddress() {
        return deliveryAddress;
    }

    public List<Shortage> shortages() {
        return shortages == null ? List.of() : shortages;
    }

    public List<Step> timeline() {
        return List.copyOf(timeline.values());
    }

    public Instant createdAt() {
        return createdAt;
    }
}
