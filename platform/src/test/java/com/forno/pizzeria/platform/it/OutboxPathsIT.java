package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relay: a committed message is published and marked sent once; a row no relay was woken for (its instance
 * crashed right after the commit) is published by the sweep, and not before the grace that leaves young rows to the
 * relay of the instance that wrote them.
 */
class OutboxPathsIT extends OverTheBroker {

    /** pizzeria.outbox.grace-ms: the default, which the platform's deployment keeps. */
    private static final Duration GRACE = Duration.ofMillis(5000);

    @Inject
    ProbeHandler.OrphanQueue probe;

    @Test
    void aCommittedMessageIsPublishedAndMarkedSentOnce() {
        UUID id = probes.send(probe, APPLY).get(0);

        await("applied").atMost(Duration.ofSeconds(30)).until(() -> probes.effects(id) == 1);
        await("marked sent").atMost(Duration.ofSeconds(10)).until(() -> probes.outboxRow(id).sent());
        assertThat(probes.outboxRow(id)).isEqualTo(new Probes.OutboxRow(1, true));
        assertThat(ProbeHandler.calls(id)).as("handler calls").isEqualTo(1);
    }

    @Test
    void aRowNoRelayWasToldAboutIsPublishedByTheSweep() {
        List<UUID> orphans = List.of(probes.orphan(probe, APPLY), probes.orphan(probe, APPLY));

        await("the orphans applied").atMost(Duration.ofSeconds(30))
                .until(() -> probes.effects(orphans).values().stream().allMatch(effects -> effects >= 1));
        assertThat(probes.effects(orphans).values()).as("effects per message").containsOnly(1L);
        await("the orphans marked sent").atMost(Duration.ofSeconds(10)).until(() -> probes.unsent(orphans) == 0);
        // the sweep marks a row in the transaction that took it, whose now() its grace was measured from
        for (UUID orphan : orphans) {
            assertThat(probes.sentAfterWritten(orphan)).as("sent after written").get()
                    .matches(after -> after.compareTo(GRACE) >= 0, "at least the grace of " + GRACE);
        }
    }
}
