package com.forno.pizzeria.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The broker a stack is provisioned with: the topology, and a least-privilege user per service. */
class BrokerDefinitionsTest {

    private final JsonObject definitions =
            Json.createReader(new StringReader(BrokerDefinitions.json("pizzeria_t", "pizzeria_t-"))).readObject();

    @Test
    void declaresEveryQueueWithTheArgumentsTheServicesExpect() {
        for (var queue : Topology.QUEUES) {
            JsonObject declared = named("queues", queue.name());
            assertThat(declared.getString("vhost")).isEqualTo("pizzeria_t");
            assertThat(declared.getJsonObject("arguments").getString("x-queue-type")).isEqualTo("quorum");
            assertThat(declared.getJsonObject("arguments").getInt("x-max-length")).isEqualTo(queue.maxLength());
            assertThat(has("queues", q -> q.getString("name").equals(queue.deadLetterQueue())))
                    .as("%s has a dead-letter queue", queue.name()).isEqualTo(queue.deadLettered());
        }
        assertThat(has("bindings", b -> b.getString("source").equals(Topology.REPLAY_EXCHANGE)
                && b.getString("destination").equals("stock.commands") && b.getString("routing_key").equals("stock.commands")))
                .isTrue();
    }

    @Test
    void noServiceMayConfigureAnything() {
        assertThat(definitions.getJsonArray("permissions")).hasSize(Service.values().length)
                .allSatisfy(p -> assertThat(p.asJsonObject().getString("configure")).isEqualTo("^$"));
    }

    @Test
    void aServiceMayPublishOnlyWhatItSends() {
        assertThat(topicWrite("pizzeria_t-stock", Topology.EXCHANGE))
                .matches(key -> "stock.reply.reserved".matches(key))
                .matches(key -> "stock.event.availability".matches(key))
                .matches(key -> !"payments.reply.authorized".matches(key), "no forged PaymentAuthorized")
                .matches(key -> !"stock.command.reserve".matches(key), "no command to itself")
                .matches(key -> !"stock.reply.reservedX".matches(key), "whole keys only");
        assertThat(topicWrite("pizzeria_t-payments", Topology.EXCHANGE))
                .matches(key -> "payments.reply.authorized".matches(key))
                .matches(key -> !"stock.reply.reserved".matches(key));
        assertThat(topicWrite("pizzeria_t-orders", Topology.EXCHANGE))
                .matches(key -> "stock.command.reserve".matches(key))
                .matches(key -> "payments.command.capture".matches(key))
                .matches(key -> !"payments.reply.authorized".matches(key), "orders cannot answer for payments");
    }

    @Test
    void aServiceReadsAndReplaysOnlyItsOwnQueues() {
        JsonObject payments = permission("pizzeria_t-payments");
        assertThat(payments.getString("read")).matches(r -> "payments.commands".matches(r))
                .matches(r -> "payments.commands.dlq".matches(r)).matches(r -> !"orders.replies".matches(r));
        assertThat(topicWrite("pizzeria_t-payments", Topology.REPLAY_EXCHANGE))
                .matches(r -> "payments.commands".matches(r)).matches(r -> !"orders.replies".matches(r));
    }

    @Test
    void usersAndAiHaveNoBrokerUser() {
        assertThat(definitions.getJsonArray("permissions").stream().map(p -> p.asJsonObject().getString("user")))
                .containsExactlyInAnyOrder("pizzeria_t-orders", "pizzeria_t-stock", "pizzeria_t-payments");
    }

    private String topicWrite(String user, String exchange) {
        return definitions.getJsonArray("topic_permissions").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("user").equals(user) && p.getString("exchange").equals(exchange))
                .findFirst().orElseThrow().getString("write");
    }

    private JsonObject permission(String user) {
        return definitions.getJsonArray("permissions").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("user").equals(user)).findFirst().orElseThrow();
    }

    private JsonObject named(String array, String name) {
        return definitions.getJsonArray(array).stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("name").equals(name)).findFirst().orElseThrow();
    }

    private boolean has(String array, Predicate<JsonObject> match) {
        List<JsonObject> elements = definitions.getJsonArray(array).stream().map(JsonValue::asJsonObject).toList();
        return elements.stream().anyMatch(match);
    }
}
