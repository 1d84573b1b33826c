package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.OUTAGE_THEN_APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database outage is not the message's fault: the consumer holds the message and applies it once the database is
 * back, spending none of its delivery limit; before, a short outage sent saga commands to the dead letters.
 */
class DatabaseOutageHoldIT extends OverTheBroker {

    @Inject
    ProbeHandler.OutageHoldQueue probe;

    @Test
    void aMessageFailingOnlyForADatabaseOutageIsHeldAndAppliedOnceNotDeadLettered() {
        long failedBefore = probes.consumed(probe, "failed");
        long heldBefore = probes.consumed(probe, "held");

        // fails as an unreachable database would, more times than the queue's delivery limit, then succeeds
        UUID id = probes.send(probe, OUTAGE_THEN_APPLY).get(0);

        await("applied once the database is back").atMost(Duration.ofSeconds(60)).until(() -> probes.effects(id) == 1);
        assertThat(ProbeHandler.calls(id)).as("handler calls").isEqualTo(ProbeHandler.OUTAGE_CALLS + 1);
        assertThat(ProbeHandler.OUTAGE_CALLS).as("the outage outlasts the delivery limit")
                .isGreaterThan(ProbeHandler.DELIVERY_LIMIT);
        assertThat(probes.consumed(probe, "held")).as("messages held through an outage").isEqualTo(heldBefore + 1);
        assertThat(probes.consumed(probe, "failed")).as("deliveries rolled back").isEqualTo(failedBefore);
        assertThat(broker.queueDepth(probe.queue().deadLetterQueue())).as("dead letters").isZero();
    }
}
