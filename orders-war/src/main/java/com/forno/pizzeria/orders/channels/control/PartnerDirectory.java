package com.forno.pizzeria.orders.channels.control;

import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.contracts.integrations.Partners;
import com.forno.pizzeria.orders.channels.boundary.PartnerInbox;
import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.Consumers;
import com.forno.pizzeria.platform.persistence.Database;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Which partners orders takes orders from: the rows of table {@code partners}, written by {@code bin/pizzeria partner
 * add|remove} once the partner's broker resources exist (or gone). Read again every {@code orders.partners.poll-ms},
 * so a new partner's queue is consumed within seconds on every instance, and a removed one's no more. Where this
 * process declares the broker's topology (tests), it also declares each partner's resources ({@link Partners}).
 */
@ApplicationScoped
public class PartnerDirectory {

    private static final System.Logger LOG = System.getLogger(PartnerDirectory.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Broker broker;

    @Inject
    Consumers consumers;

    @Inject
    PartnerOrders orders;

    @Inject
    PartnerMetrics metrics;

    private final Set<String> consumed = ConcurrentHashMap.newKeySet();

    /** Consumes every partner's queue that is listed and not yet consumed; stops those no longer listed. */
    public void refresh() {
        Set<String> listed = listed();
        for (String partner : listed) {
            if (consumed.contains(partner)) {
                continue;
            }
            if (!broker.declare(channel -> declare(channel, partner))) {
                continue; // the broker is away: next time
            }
            metrics.known(partner);
            consumers.add(new PartnerInbox(partner, orders));
            consumed.add(partner);
            LOG.log(Level.INFO, "consuming partner {0}''s orders from {1}", partner, Partners.orders(partner).name());
        }
        for (String partner : Set.copyOf(consumed)) {
            if (!listed.contains(partner)) {
                consumers.remove(Partners.orders(partner).name());
                consumed.remove(partner);
                LOG.log(Level.INFO, "partner {0} removed: its orders are no longer consumed", partner);
            }
        }
    }

    public Set<String> consumed() {
        return Set.copyOf(consumed);
    }

    private Set<String> listed() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("select name from partners");
             ResultSet rows = select.executeQuery()) {
            Set<String> names = new TreeSet<>();
            while (rows.next()) {
                String name = rows.getString(1);
                if (Partners.NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("the partners could not be read", e);
        }
    }

    /** A partner's exchange and queues as bin/pizzeria provisions them (BrokerDefinitions.partner). */
    static void declare(Channel channel, String partner) throws IOException {
        channel.exchangeDeclare(Partners.inbound(partner), BuiltinExchangeType.FANOUT, true);
        channel.exchangeDeclare(Partners.REPLIES_EXCHANGE, BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(Partners.EVENTS_EXCHANGE, BuiltinExchangeType.FANOUT, true);
        QueueSpec inbound = Partners.orders(partner);
        channel.queueDeclare(inbound.name(), true, false, false, inbound.arguments());
        channel.queueBind(inbound.name(), Partners.inbound(partner), "");
        channel.queueDeclare(inbound.deadLetterQueue(), true, false, false, inbound.deadLetterArguments());
        channel.queueBind(inbound.deadLetterQueue(), Topology.DEAD_LETTER_EXCHANGE, inbound.name());
        QueueSpec replies = Partners.replies(partner);
        channel.queueDeclare(replies.name(), true, false, false, replies.arguments());
        channel.queueBind(replies.name(), Partners.REPLIES_EXCHANGE, partner);
        QueueSpec events = Partners.events(partner);
        channel.queueDeclare(events.name(), true, false, false, events.arguments());
        channel.queueBind(events.name(), Partners.EVENTS_EXCHANGE, "");
    }
}
