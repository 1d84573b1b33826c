package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.messaging.OutboxSweep;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** (c) The outbox: a broker outage delays messages, it loses none, and the platform reconnects by itself. */
class BrokerOutageIT extends OverTheBroker {

    private static final int MESSAGES = 20;

    @Inject
    ProbeHandler.OutageQueue probe;

    @Inject
    OutboxSweep outbox;

    @Test
    void messagesWrittenWhileTheBrokerIsDownAreAllDeliveredWhenItReturns() {
        long reconnectsBefore = broker.reconnects();
        List<UUID> sent = new ArrayList<>();

        ThrowawayBroker.stop();
        try {
            await("the platform noticed the broker is gone").atMost(Duration.ofSeconds(30))
                    .until(() -> !broker.connected());
            for (int i = 0; i < MESSAGES; i++) {
                sent.addAll(probes.send(probe, APPLY)); // each in its own committed transaction
            }
            // the relay is woken by every commit and sweeps every 200 ms: none of them may leave meanwhile
            await("all stay in the outbox while the broker is down")
                    .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> probes.unsent(sent) == MESSAGES);
            assertThat(probes.effects(sent).values()).containsOnly(0L);
        } finally {
            ThrowawayBroker.start();
        }

        await("every message applied once the broker is back").atMost(Duration.ofSeconds(60))
                .until(() -> probes.effects(sent).values().stream().allMatch(effects -> effects >= 1));
        Map<UUID, Long> effects = probes.effects(sent);
        assertThat(effects).hasSize(MESSAGES);
        assertThat(effects.values()).as("effects per message").containsOnly(1L);
        await("the outbox backlog is back to 0").atMost(Duration.ofSeconds(30))
                .until(() -> outbox.backlog()[0] == 0);
        assertThat(broker.connected()).isTrue();
        assertThat(broker.reconnects()).as("reconnections").isGreaterThan(reconnectsBefore);
    }
}
