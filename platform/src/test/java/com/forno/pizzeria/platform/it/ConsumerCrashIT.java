package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.CRASH_AFTER_COMMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * (d) A consumer that dies after its database commit and before its acknowledgement: the broker gives the message
 * again, and the inbox makes the second delivery a no-op.
 */
class ConsumerCrashIT extends OverTheBroker {

    @Inject
    ProbeHandler.CrashQueue probe;

    @Test
    void consumerKilledBetweenItsCommitAndItsAcknowledgementGetsTheMessageAgainAndAppliesItOnce() {
        long failedBefore = probes.consumed(probe, "failed");
        long duplicatesBefore = probes.consumed(probe, "duplicates");
        long reconnectsBefore = broker.reconnects();

        // the handler commits its effect, then the connection is aborted before the session commits the ack
        UUID id = probes.send(probe, CRASH_AFTER_COMMIT).get(0);

        await("the message delivered again after the crash").atMost(Duration.ofSeconds(60))
                .until(() -> probes.consumed(probe, "duplicates") > duplicatesBefore || probes.effects(id) > 1);
        assertThat(probes.effects(id)).as("effects").isEqualTo(1);
        assertThat(ProbeHandler.calls(id)).as("handler calls").isEqualTo(1);
        // Delivered twice: the first delivery's acknowledgement died with the connection, and the second was
        // recognised by the inbox (which is why the handler was called once).
        assertThat(probes.consumed(probe, "failed")).as("deliveries whose acknowledgement failed")
                .isEqualTo(failedBefore + 1);
        assertThat(probes.consumed(probe, "duplicates")).as("deliveries recognised by the inbox")
                .isEqualTo(duplicatesBefore + 1);
        assertThat(broker.reconnects()).as("reconnections").isGreaterThan(reconnectsBefore);
        await("connected again").atMost(Duration.ofSeconds(30)).until(broker::connected);
    }
}
