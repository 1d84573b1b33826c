package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** (b) The inbox: a message that arrives twice changes the database once. */
class DuplicateDeliveryIT extends OverTheBroker {

    @Inject
    ProbeHandler.DuplicateQueue probe;

    @Test
    void theSameMessageDeliveredTwiceHasExactlyOneEffect() throws Exception {
        long duplicatesBefore = probes.consumed(probe, "duplicates");

        // back to back on a queue with two consumer sessions: the copies may well be handled at the same time
        UUID id = probes.publishTwice(probe, APPLY);

        // done when the consumer recognised the second copy, or (inbox broken) when it applied it again
        await("both copies consumed").atMost(Duration.ofSeconds(30))
                .until(() -> probes.consumed(probe, "duplicates") > duplicatesBefore || probes.effects(id) > 1);
        assertThat(probes.effects(id)).as("effects of message " + id).isEqualTo(1);
        assertThat(ProbeHandler.calls(id)).as("handler calls").isEqualTo(1);
        assertThat(probes.consumed(probe, "duplicates")).isEqualTo(duplicatesBefore + 1);
    }
}
