package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.FAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Json;
import com.forno.pizzeria.platform.messaging.Broker;
import com.forno.pizzeria.platform.messaging.DeadLetters;
import com.forno.pizzeria.platform.messaging.DeadLetters.DeadLetter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * (a) A message its handler always fails on is retried, then set aside, and never blocks the queue; what the handler
 * wrote before it failed is rolled back with the delivery, every time.
 */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageIT {

    @Inject
    Probes probes;

    @Inject
    ProbeHandler.PoisonQueue probe;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Broker broker;

    @BeforeEach
    void brokerIsConnected() {
        await("connected to the throwaway broker").atMost(Duration.ofSeconds(60)).until(broker::connected);
    }

    @Test
    void poisonMessageIsDeadLetteredAfterTheDeliveryLimitWithItsHandlersWritesRolledBackWhileTheQueueKeepsFlowing()
            throws Exception {
        List<UUID> sent = probes.send(probe, APPLY, APPLY, APPLY, FAIL, APPLY, APPLY, APPLY);
        UUID poison = sent.get(3);
        List<UUID> healthy = new ArrayList<>(sent);
        healthy.remove(poison);

        DeadLetter deadLetter = await("the poison message in " + probe.queue().deadLetterQueue())
                .atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter(poison), Optional::isPresent).orElseThrow();
        // as the operator lists it
        assertThat(deadLetter.messageId()).isEqualTo(poison.toString());
        assertThat(deadLetter.type()).isEqualTo(ProbeHandler.TYPE);

        // tried on every delivery the queue allows (the first and one per allowed redelivery), then never again
        assertThat(ProbeHandler.calls(poison)).isEqualTo(ProbeHandler.DELIVERY_LIMIT + 1);
        // each call wrote its effect before it threw (ProbeHandler, FAIL): every one of those writes was rolled back,
        // and so was the inbox row, or the redeliveries would have been taken for duplicates
        assertThat(probes.effects(poison)).as("effects the failing handler wrote").isZero();
        assertThat(probes.inboxed(poison)).as("the poison message in the inbox").isFalse();
        // the messages around it were applied, each once
        await("the messages sent with the poison applied").atMost(Duration.ofSeconds(30))
                .until(() -> probes.effects(healthy).values().stream().allMatch(effects -> effects == 1));

        // and the queue still flows after it died
        UUID later = probes.send(probe, APPLY).get(0);
        await("a message sent after the poison died applied").atMost(Duration.ofSeconds(30))
                .until(() -> probes.effects(later) == 1);
        assertThat(ProbeHandler.calls(poison)).isEqualTo(ProbeHandler.DELIVERY_LIMIT + 1);
    }

    private Optional<DeadLetter> deadLetter(UUID messageId) throws Exception {
        return deadLetters.list(probe.queue(), 1000).stream()
                .filter(letter -> Json.fromJson(letter.body(), Envelope.class).id().equals(messageId))
                .findFirst();
    }
}
