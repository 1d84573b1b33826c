package com.forno.pizzeria.orders.channels.control;

import com.forno.pizzeria.contracts.integrations.OrderRejected;
import com.forno.pizzeria.contracts.integrations.OrderRejected.Violation;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.contracts.orders.DeliveryAddress;
import com.forno.pizzeria.orders.ordering.control.Menu;
import com.forno.pizzeria.orders.ordering.control.MenuUnavailable;
import com.forno.pizzeria.orders.ordering.control.Ordering;
import com.forno.pizzeria.orders.ordering.control.Pricing;
import com.forno.pizzeria.orders.ordering.control.StockMenu;
import com.forno.pizzeria.orders.ordering.entity.Order;
import com.forno.pizzeria.orders.ordering.entity.OrderLine;
import com.forno.pizzeria.orders.ordering.entity.OrderStatus;
import com.forno.pizzeria.orders.ordering.entity.Reason;
import com.forno.pizzeria.orders.saga.control.Saga;
import com.forno.pizzeria.platform.addresses.Address;
import com.forno.pizzeria.platform.addresses.PostalAddress;
import com.forno.pizzeria.platform.outages.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A partner's PlaceOrder and CancelOrder, in the transaction {@code Deliveries} began for the message (with its inbox
 * row): {@link #handle} is MANDATORY, like the saga it hands the order to. A PlaceOrder becomes an order as a web order
 * does: priced from stock's menu, the same saga; a prepaid one must pay the menu's total. The same partnerOrderId from
 * the same partner is one order: a second PlaceOrder for it (a redelivery, a retry, one racing on the other instance)
 * changes nothing and sends nothing. CancelOrder is a customer's cancel; one that comes before its PlaceOrder (two
 * consumers may reorder them) is remembered, answered as the order's refusal (CANCELLED_BY_CUSTOMER), and the order is
 * not made when it comes. What cannot be an order is answered with OrderRejected (INVALID with the violations, or
 * PRICE_MISMATCH); what names no order goes to the partner's dead letters with the reason.
 */
@ApplicationScoped
public class PartnerOrders {

    private static final System.Logger LOG = System.getLogger(PartnerOrders.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PartnerReplies replies;

    @Inject
    Saga saga;

    @Inject
    Ordering ordering;

    @Inject
    Menu menu;

    @Inject
    PartnerMetrics metrics;

    @Inject
    Validator validator;

    /** The customer id of a partner's orders: the partner, the same on every instance and after a re-add. */
    public static UUID customerOf(String partner) {
        return UUID.nameUUIDFromBytes(("partner:" + partner).getBytes(StandardCharsets.UTF_8));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(String partner, String declaredType, String correlationId, String body) {
        metrics.received(partner);
        PartnerMessage message = PartnerMessage.read(declaredType, correlationId, body);
        if (message.untied()) {
            String reason = describe(message.violations());
            LOG.log(Level.INFO, "partner {0}: a message naming no order, dead-lettered: {1}", partner, reason);
            replies.deadLetter(partner, declaredType, body, reason);
            return;
        }
        if (!message.valid()) {
            replies.refuse(partner, message.partnerOrderId(), OrderRejected.INVALID, message.violations());
            return;
        }
        // one message per partner order at a time, on every instance: the second finds the first's order
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?))) as locked")
                .setParameter(1, "partner-order\n" + partner + "\n" + message.partnerOrderId())
                .getSingleResult();
        if (Partners.CANCEL_ORDER.equals(message.type())) {
            cancel(partner, message.partnerOrderId());
        } else {
            place(partner, message.partnerOrderId(), message.order(), body);
        }
    }

    private void place(String partner, String partnerOrderId, PartnerMessage.Order wanted, String body) {
        if (ordering.byPartnerOrder(partner, partnerOrderId).isPresent()) {
            LOG.log(Level.INFO, "partner {0}: PlaceOrder {1} again; it is one order", partner, partnerOrderId);
            return;
        }
        if (cancelledBeforehand(partner, partnerOrderId)) {
            LOG.log(Level.INFO, "partner {0}: PlaceOrder {1} came after its CancelOrder; not made", partner,
                    partnerOrderId);
            return;
        }
        Map<UUID, StockMenu.Item> items;
        try {
            items = menu.covering(wanted.wanted().stream().map(Pricing.Wanted::productId).toList());
        } catch (MenuUnavailable e) {
            throw new Unavailable("stock's menu", e); // held and tried again, never refused for it
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < wanted.wanted().size(); i++) {
            if (!items.containsKey(wanted.wanted().get(i).productId())) {
                violations.add(new Violation("items[" + i + "].productId", "is not on the menu"));
            }
        }
        PostalAddress address = postal(wanted.deliveryAddress());
        validator.validate(address).forEach(violation -> violations.add(new Violation(
                "deliveryAddress." + violation.getPropertyPath(), violation.getMessage())));
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            replies.refuse(partner, partnerOrderId, OrderRejected.INVALID, violations);
            return;
        }
        List<OrderLine> lines = Pricing.price(wanted.wanted(), items);
        long total = lines.stream().mapToLong(OrderLine::totalCents).sum();
        if (wanted.prepaid() && wanted.amountCents() != total) {
            replies.refuse(partner, partnerOrderId, OrderRejected.PRICE_MISMATCH, List.of(new Violation(
                    "payment.amountCents", "is " + wanted.amountCents() + "; the menu's total is " + total)));
            return;
        }
        ordering.placeForPartner(partner, customerOf(partner), partnerOrderId, fingerprint(body), lines,
                new Address(address.normalized()), wanted.customerName(), wanted.customerPhone(), wanted.prepaid(),
                wanted.cardToken());
    }

    private void cancel(String partner, String partnerOrderId) {
        Order order = ordering.byPartnerOrder(partner, partnerOrderId).orElse(null);
        if (order == null) {
            // its PlaceOrder may still be on the way: remembered, so that it is not made when it comes
            int first = em.createNativeQuery("insert into partner_cancellations (partner, partner_order_id)"
                            + " values (?, ?) on conflict do nothing")
                    .setParameter(1, partner).setParameter(2, partnerOrderId).executeUpdate();
            if (first == 1) {
                replies.refuse(partner, partnerOrderId, Reason.CANCELLED_BY_CUSTOMER.name(), List.of());
            }
            return;
        }
        OrderStatus status = order.status();
        if (status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED) {
            return; // cancelled already (a repeated CancelOrder), or never made: nothing to tell
        }
        if (!status.undecided()) {
            replies.cancelRefused(order, "TOO_LATE_TO_CANCEL");
            return;
        }
        saga.cancel(order.id(), false);
    }

    private boolean cancelledBeforehand(String partner, String partnerOrderId) {
        return !em.createNativeQuery("select 1 from partner_cancellations where partner = ? and partner_order_id = ?")
                .setParameter(1, partner).setParameter(2, partnerOrderId).getResultList().isEmpty();
    }

    private static PostalAddress postal(DeliveryAddress a) {
        return new PostalAddress(a.street(), a.number(), a.complement(), a.district(), a.city(), a.state(),
                a.postalCode());
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> (v.field().isEmpty() ? "the message" : v.field()) + " " + v.message())
                .collect(Collectors.joining("; "));
    }

    private static String fingerprint(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
