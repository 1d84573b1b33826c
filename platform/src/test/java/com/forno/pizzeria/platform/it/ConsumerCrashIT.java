package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.CRASH_AFTER_COMMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.messaging.Broker;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * (d) A consumer that dies after its database commit and before its acknowledgement: the broker gives the message
 * again, and the inbox makes the second delivery a no-op.
 */
@ExtendWith(ArquillianExtension.class)
class ConsumerCrashIT {

    @Inject
    Probes probes;

    @Inject
    ProbeHandler.CrashQueue probe;

    @Inject
    Broker broker;

    @BeforeEach
    void brokerIsConnected() {
        probes.awaitBroker();
    }

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
