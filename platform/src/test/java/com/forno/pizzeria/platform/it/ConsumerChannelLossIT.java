package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.messaging.Consumers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer session whose channel the broker closes while the connection stays up (it refused an acknowledgement)
 * is made again: before, its consumer ended silently, and a queue whose every session went that way had no consumer
 * left while readiness said UP.
 */
class ConsumerChannelLossIT extends OverTheBroker {

    @Inject
    ProbeHandler.ChannelLossQueue probe;

    @Inject
    Consumers consumers;

    @BeforeEach
    void everySessionConsumes() {
        await("every consumer session consuming").atMost(Duration.ofSeconds(30)).until(consumers::consuming);
    }

    @Test
    void sessionsWhoseChannelTheBrokerClosedConsumeAgainAndReadinessSaysSoMeanwhile() {
        String queue = probe.queue().name();
        long reconnectsBefore = broker.reconnects();
        int perQueue = (int) broker.queueConsumers(queue);
        assertThat(perQueue).as("consumers of " + queue).isPositive();

        // every session of the queue loses its channel: the broker closes each for an unknown delivery tag
        for (int i = 0; i < perQueue; i++) {
            long reopenedBefore = consumers.reopened();
            assertThat(consumers.breakOneChannel(queue)).as("a live channel to break").isTrue();
            await("that session made again").atMost(Duration.ofSeconds(30))
                    .until(() -> consumers.reopened() > reopenedBefore);
        }

        await("every session consuming again").atMost(Duration.ofSeconds(30))
                .until(() -> consumers.consuming() && broker.queueConsumers(queue) == perQueue);
        List<UUID> sent = probes.send(probe, APPLY, APPLY, APPLY);
        await("the queue flows again").atMost(Duration.ofSeconds(30))
                .until(() -> probes.effects(sent).values().stream().allMatch(effects -> effects == 1));
        assertThat(broker.reconnects()).as("the connection itself stayed up").isEqualTo(reconnectsBefore);
    }
}
