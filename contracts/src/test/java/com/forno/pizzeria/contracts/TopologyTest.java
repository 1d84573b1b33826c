package com.forno.pizzeria.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TopologyTest {

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyCommandReplyAndOrderEventReachesExactlyOneWorkQueueButTheConfirmationThree(MessageType type) {
        long queues = Topology.QUEUES.stream()
                .filter(q -> q.kind() == Topology.Kind.WORK)
                .filter(q -> q.bindings().stream().anyMatch(pattern -> matches(pattern, type.routingKey())))
                .count();

        // stock's events are for integrations and operators (the event buffer): no service works on them; an
        // order's confirmation is stock's commit, payments' capture and the read side's entry at once
        long expected = type.routingKey().startsWith("stock.event.") ? 0 : type == MessageType.ORDER_CONFIRMED ? 3 : 1;
        assertThat(queues).as("work queues bound to %s", type.routingKey()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyEventAlsoStaysInTheEventBuffer(MessageType type) {
        boolean event = type.routingKey().contains(".event.");
        assertThat(Topology.EVENTS.bindings().stream().anyMatch(pattern -> matches(pattern, type.routingKey())))
                .as("%s in the events buffer", type.routingKey()).isEqualTo(event);
    }

    @Test
    void typeNamesAreUniqueAndResolveBack() {
        assertThat(Arrays.stream(MessageType.values()).map(MessageType::typeName)).doesNotHaveDuplicates();
        for (MessageType type : MessageType.values()) {
            assertThat(MessageType.named(type.typeName())).contains(type);
        }
    }

    @Test
    void everyWorkQueueDeadLettersToItsOwnQueueAfterTheLimit() {
        for (var queue : List.of(Topology.STOCK_COMMANDS, Topology.PAYMENTS_COMMANDS, Topology.ORDERS_REPLIES,
                Topology.ORDERS_REPORTING)) {
            assertThat(queue.arguments())
                    .containsEntry("x-queue-type", "quorum")
                    .containsEntry("x-delivery-limit", Topology.DELIVERY_LIMIT)
                    .containsEntry("x-dead-letter-exchange", Topology.DEAD_LETTER_EXCHANGE)
                    .containsEntry("x-dead-letter-routing-key", queue.name());
            assertThat(queue.deadLetterQueue()).isEqualTo(queue.name() + ".dlq");
        }
    }

    @Test
    void workQueuesAreBoundedAndNeverDropAMessageAndTheEventBufferNeverRefusesOne() {
        for (var queue : List.of(Topology.STOCK_COMMANDS, Topology.PAYMENTS_COMMANDS, Topology.ORDERS_REPLIES,
                Topology.ORDERS_REPORTING)) {
            assertThat(queue.arguments()).containsEntry("x-overflow", "reject-publish")
                    .containsEntry("x-dead-letter-strategy", "at-least-once")
                    .containsEntry("x-max-length", Topology.WORK_QUEUE_MAX_LENGTH);
            assertThat(queue.deadLetterArguments()).containsEntry("x-overflow", "reject-publish")
                    .containsEntry("x-max-length", Topology.DEAD_LETTER_QUEUE_MAX_LENGTH);
        }
        // the oldest events make room and are gone: not dead-lettered into a queue nobody drains
        assertThat(Topology.EVENTS.arguments()).containsEntry("x-overflow", "drop-head")
                .containsEntry("x-max-length", 10_000).doesNotContainKeys("x-dead-letter-exchange",
                        "x-dead-letter-strategy");
        assertThat(Topology.EVENTS.deadLettered()).isFalse();
    }

    @Test
    void theCardTokenIsTheOneSecretAndEveryMessageHasOneSender() {
        assertThat(MessageType.AUTHORIZE_PAYMENT.secrets()).containsExactly("cardToken");
        assertThat(Arrays.stream(MessageType.values()).filter(t -> t != MessageType.AUTHORIZE_PAYMENT))
                .allSatisfy(type -> assertThat(type.secrets()).as(type.typeName()).isEmpty());
        for (MessageType type : MessageType.values()) {
            assertThat(type.publisher().publishes()).contains(type.routingKey());
        }
    }

    /** AMQP topic matching: '*' one word, '#' zero or more words. */
    static boolean matches(String pattern, String key) {
        String regex = Arrays.stream(pattern.split("\\."))
                .map(word -> switch (word) {
                    case "*" -> "[^.]+";
                    case "#" -> ".*";
                    default -> Pattern.quote(word);
                })
                .reduce((a, b) -> a + "\\." + b).orElseThrow();
        return key.matches(regex.replace("\\..*", "(\\..*)?"));
    }
}
