package com.forno.pizzeria.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Topology.QueueSpec;
import com.forno.pizzeria.platform.messaging.Deliveries.HandlerFailed;
import com.forno.pizzeria.platform.requests.RequestIds;
import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one delivery does around its handler. That the inbox row and the handler's writes commit or roll back together
 * is the container's part (an EJB transaction): PoisonMessageIT and DuplicateDeliveryIT prove it on Payara.
 */
class DeliveriesTest {

    final Set<UUID> inboxed = new HashSet<>();
    final List<String> handled = new ArrayList<>();
    final Deliveries deliveries = new Deliveries();

    @BeforeEach
    void inbox() {
        deliveries.inbox = new Inbox() {
            @Override
            public boolean firstDelivery(Envelope message) {
                return inboxed.add(message.id());
            }
        };
    }

    @AfterEach
    void noRequestIdLeftOnTheThread() {
        RequestIds.clear();
    }

    static Envelope message(String requestId) {
        return new Envelope(UUID.randomUUID(), "Probe", "it", requestId, Instant.parse("2026-12-01T19:00:00Z"),
                jakarta.json.Json.createObjectBuilder().build());
    }

    MessageHandler handler(boolean fails) {
        return new MessageHandler() {
            @Override
            public QueueSpec queue() {
                return new QueueSpec("it.unit", List.of("it.unit.#"), 3);
            }

            @Override
            public void handle(Envelope message) {
                handled.add(message.id() + " " + RequestIds.current().orElse("none"));
                if (fails) {
                    throw new IllegalStateException("the handler's own failure");
                }
            }
        };
    }

    @Test
    void aFirstDeliveryIsHandledUnderItsRequestIdWhichIsGoneAfterwards() throws Exception {
        Envelope message = message("req-7");

        assertThat(deliveries.apply(message, handler(false))).isTrue();

        assertThat(handled).containsExactly(message.id() + " req-7");
        assertThat(inboxed).containsExactly(message.id());
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void aMessageAppliedBeforeIsNotHandledAgain() throws Exception {
        Envelope message = message("req-7");
        deliveries.apply(message, handler(false));

        assertThat(deliveries.apply(message, handler(false))).as("a redelivery").isFalse();

        assertThat(handled).hasSize(1);
    }

    @Test
    void aMessageWithoutRequestIdDoesNotInheritTheThreadsLastOne() throws Exception {
        RequestIds.set("left-over");

        deliveries.apply(message(null), handler(false));

        assertThat(handled).singleElement().asString().endsWith(" none");
    }

    @Test
    void aFailingHandlerFailsTheDeliveryWithItsCauseAndLeavesNoRequestIdBehind() {
        Envelope message = message("req-8");

        assertThatThrownBy(() -> deliveries.apply(message, handler(true)))
                .isInstanceOf(HandlerFailed.class)
                .hasMessageContaining("Probe " + message.id())
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(RequestIds.current()).isEmpty();
    }

    @Test
    void theFailureRollsTheWholeDeliveryBack() {
        ApplicationException marking = HandlerFailed.class.getAnnotation(ApplicationException.class);

        assertThat(marking).as("an application exception, or the EJB would not roll back for a checked one").isNotNull();
        assertThat(marking.rollback()).isTrue();
    }
}
