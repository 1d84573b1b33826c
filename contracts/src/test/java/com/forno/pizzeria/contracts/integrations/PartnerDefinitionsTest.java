package com.forno.pizzeria.contracts.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.BrokerDefinitions;
import com.forno.pizzeria.contracts.Topology;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A partner's broker resources and its user's least privileges; the services' rights over partners' resources. */
class PartnerDefinitionsTest {

    private final JsonObject ifood = parse(BrokerDefinitions.partner("pizzeria_t", "pizzeria_t-", "ifood"));
    private final JsonObject stack = parse(BrokerDefinitions.json("pizzeria_t", "pizzeria_t-"));

    @Test
    void aPartnerMayWriteOnlyItsExchangeAndReadOnlyItsTwoQueues() {
        JsonObject permission = ifood.getJsonArray("permissions").getJsonObject(0);
        assertThat(permission.getString("user")).isEqualTo("pizzeria_t-partner-ifood");
        assertThat(permission.getString("configure")).isEqualTo("^$");
        assertThat(permission.getString("write"))
                .matches(w -> "integrations.ifood.in".matches(w))
                .matches(w -> !"integrations.rappi.in".matches(w), "not another partner's exchange")
                .matches(w -> !Topology.EXCHANGE.matches(w), "not the services' exchange")
                .matches(w -> !Partners.REPLIES_EXCHANGE.matches(w), "no forged replies");
        assertThat(permission.getString("read"))
                .matches(r -> "integrations.ifood.replies".matches(r))
                .matches(r -> "integrations.ifood.events".matches(r))
                .matches(r -> !"integrations.ifood.orders".matches(r), "not its own inbound queue")
                .matches(r -> !"integrations.rappi.replies".matches(r), "not another partner's queue");
    }

    @Test
    void theInboundQueueIsBoundOnlyToThePartnersExchangeAndTheOutboundOnesAreBoundedBuffers() {
        assertThat(ifood.getJsonArray("bindings").stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getString("destination").equals("integrations.ifood.orders"))
                .map(b -> b.getString("source"))).containsExactly("integrations.ifood.in");
        JsonObject replies = queue(ifood, "integrations.ifood.replies").getJsonObject("arguments");
        assertThat(replies.getString("x-queue-type")).isEqualTo("quorum");
        assertThat(replies.getInt("x-max-length")).isEqualTo(Partners.PARTNER_QUEUE_MAX_LENGTH);
        assertThat(replies.getString("x-overflow")).isEqualTo("drop-head");
        JsonObject orders = queue(ifood, "integrations.ifood.orders").getJsonObject("arguments");
        assertThat(orders.getInt("x-delivery-limit")).isEqualTo(Topology.DELIVERY_LIMIT);
        assertThat(orders.getString("x-dead-letter-routing-key")).isEqualTo("integrations.ifood.orders");
        assertThat(queue(ifood, "integrations.ifood.orders.dlq")).isNotNull();
    }

    @Test
    void ordersReadsEveryPartnersInboundQueueAndRepliesStockAnnouncesAvailability() {
        JsonObject orders = permission("pizzeria_t-orders");
        assertThat(orders.getString("read"))
                .matches(r -> "integrations.ifood.orders".matches(r))
                .matches(r -> "integrations.ifood.orders.dlq".matches(r))
                .matches(r -> "orders.replies".matches(r))
                .matches(r -> !"integrations.ifood.replies".matches(r));
        assertThat(orders.getString("write")).matches(w -> Partners.REPLIES_EXCHANGE.matches(w))
                .matches(w -> !Partners.EVENTS_EXCHANGE.matches(w));
        assertThat(permission("pizzeria_t-stock").getString("write"))
                .matches(w -> Partners.EVENTS_EXCHANGE.matches(w))
                .matches(w -> !Partners.REPLIES_EXCHANGE.matches(w));
        assertThat(permission("pizzeria_t-payments").getString("read"))
                .matches(r -> !"integrations.ifood.orders".matches(r));
    }

    @Test
    void namesThatCouldEscapeTheirResourcesAreRefused() {
        for (String bad : new String[] {"IFood", "a.b", "a#", "", "-x", "a".repeat(41), "a b"}) {
            assertThatThrownBy(() -> Partners.inbound(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Partners.inbound("pos-2")).isEqualTo("integrations.pos-2.in");
    }

    private JsonObject permission(String user) {
        return stack.getJsonArray("permissions").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("user").equals(user)).findFirst().orElseThrow();
    }

    private static JsonObject queue(JsonObject definitions, String name) {
        return definitions.getJsonArray("queues").stream().map(JsonValue::asJsonObject)
                .filter(q -> q.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
