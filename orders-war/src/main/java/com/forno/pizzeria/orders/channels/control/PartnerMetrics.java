package com.forno.pizzeria.orders.channels.control;

import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.platform.messaging.Broker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Per partner: {@code partner_messages_received_total}, {@code partner_orders_accepted_total},
 * {@code partner_orders_rejected_total{reason}} (DEAD_LETTER for a message that named no order) and
 * {@code partner_replies_backlog}, the replies waiting for the partner to read them.
 */
@ApplicationScoped
public class PartnerMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Inject
    Broker broker;

    void known(String partner) {
        Tag tag = new Tag("partner", partner);
        metrics.counter("partner.messages.received", tag);
        metrics.counter("partner.orders.accepted", tag);
        try {
            metrics.gauge(Metadata.builder().withName("partner.replies.backlog")
                            .withDescription("Replies on the partner's queue that it has not read yet").build(),
                    broker, b -> b.queueDepth(Partners.replies(partner).name()), tag);
        } catch (IllegalArgumentException registeredBefore) {
            // the partner was removed and added back
        }
    }

    void received(String partner) {
        metrics.counter("partner.messages.received", new Tag("partner", partner)).inc();
    }

    void accepted(String partner) {
        metrics.counter("partner.orders.accepted", new Tag("partner", partner)).inc();
    }

    void rejected(String partner, String reason) {
        metrics.counter("partner.orders.rejected", new Tag("partner", partner),
                new Tag("reason", reason == null ? "UNKNOWN" : reason)).inc();
    }
}
