package com.forno.pizzeria.contracts.integrations;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Each partner's broker resources, named after the partner, so that the partner is the exchange it could write to:
 * <ul>
 * <li>exchange {@code integrations.NAME.in} (fanout): the partner publishes PlaceOrder and CancelOrder here, and may
 * publish nowhere else;</li>
 * <li>queue {@code integrations.NAME.orders}, bound only to that exchange and consumed by orders: whatever is on it
 * came from that partner, whatever the message says about itself;</li>
 * <li>queue {@code integrations.NAME.replies}, bound to {@link #REPLIES_EXCHANGE} by the partner's name: orders'
 * replies and status changes;</li>
 * <li>queue {@code integrations.NAME.events}, bound to {@link #EVENTS_EXCHANGE} (fanout): stock's
 * ProductAvailabilityChanged reaches every partner by a binding, not by code.</li>
 * </ul>
 * The partner's two queues are bounded buffers: a partner that never reads loses its oldest messages beyond
 * {@link #PARTNER_QUEUE_MAX_LENGTH}, and the pizzeria never blocks on it.
 */
public final class Partners {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String REPLIES_EXCHANGE = "integrations.replies";
    public static final String EVENTS_EXCHANGE = "integrations.events";
    public static final int PARTNER_QUEUE_MAX_LENGTH = 50_000;

    /** The message types a partner sends (the AMQP {@code type} property). */
    public static final String PLACE_ORDER = "PlaceOrder";
    public static final String CANCEL_ORDER = "CancelOrder";

    private Partners() {
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a partner's name is 1 to 40 lower-case letters, digits and '-', "
                    + "starting with a letter or digit: " + name);
        }
        return name;
    }

    public static String inbound(String partner) {
        return "integrations." + requireName(partner) + ".in";
    }

    /** The partner's inbound queue, consumed by orders: a work queue with a dead-letter queue. */
    public static QueueSpec orders(String partner) {
        return new QueueSpec("integrations." + requireName(partner) + ".orders", List.of(), Topology.DELIVERY_LIMIT);
    }

    public static QueueSpec replies(String partner) {
        return QueueSpec.buffer("integrations." + requireName(partner) + ".replies", List.of(),
                PARTNER_QUEUE_MAX_LENGTH);
    }

    public static QueueSpec events(String partner) {
        return QueueSpec.buffer("integrations." + requireName(partner) + ".events", List.of(),
                PARTNER_QUEUE_MAX_LENGTH);
    }

    /** The partner's broker user in a stack whose users are named {@code prefix + "partner-" + name}. */
    public static String user(String prefix, String partner) {
        return prefix + "partner-" + requireName(partner);
    }

    /** Regular expressions of the partner user's permissions: configure nothing, write its exchange, read its queues. */
    public static Map<String, String> permissions(String partner) {
        return Map.of("configure", "^$",
                "write", "^" + quote(inbound(partner)) + "$",
                "read", "^(" + quote(replies(partner).name()) + "|" + quote(events(partner).name()) + ")$");
    }

    private static String quote(String name) {
        return name.replace(".", "\\.");
    }
}
