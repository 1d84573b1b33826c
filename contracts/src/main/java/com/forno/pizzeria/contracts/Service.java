package com.forno.pizzeria.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The services that talk over the broker, each with a broker user of its own, and the queues each consumes. Users
 * and ai neither publish nor consume: they have no broker user and no connection.
 */
public enum Service {

    ORDERS(Topology.ORDERS_REPLIES, Topology.ORDERS_REPORTING),
    STOCK(Topology.STOCK_COMMANDS),
    PAYMENTS(Topology.PAYMENTS_COMMANDS);

    private final List<Topology.QueueSpec> consumes;

    Service(Topology.QueueSpec... consumes) {
        this.consumes = List.of(consumes);
    }

    /** The service's name as its WAR, schema and broker user know it ({@code orders}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<Topology.QueueSpec> consumes() {
        return consumes;
    }

    /** The routing keys this service publishes. */
    public List<String> publishes() {
        return Arrays.stream(MessageType.values()).filter(type -> type.publisher() == this)
                .map(MessageType::routingKey).toList();
    }
}
