package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.FAIL_UNTIL_FIXED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.messaging.DeadLetters;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

/** The operator sees a dead letter in dead_letters{queue}, fixes the cause, replays it, and it is applied once. */
class DeadLetterReplayIT extends OverTheBroker {

    @Inject
    ProbeHandler.ReplayQueue probe;

    @Inject
    DeadLetters deadLetters;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Test
    void aDeadLetterIsCountedAndAfterTheFixItIsReplayedAndAppliedOnce() throws Exception {
        ProbeHandler.fixed = false;
        UUID message = probes.send(probe, FAIL_UNTIL_FIXED).get(0);

        await("dead_letters{queue=it.replay} counts it").atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterGauge() == 1.0);
        assertThat(probes.effects(message)).isZero();

        ProbeHandler.fixed = true;
        int replayed = deadLetters.replay(probe.queue(), 10);

        assertThat(replayed).isEqualTo(1);
        await("the replayed message applied").atMost(Duration.ofSeconds(30)).until(() -> probes.effects(message) == 1);
        await("the dead-letter queue empty again").atMost(Duration.ofSeconds(30)).until(() -> deadLetterGauge() == 0.0);
        assertThat(deadLetters.list(probe.queue(), 10)).isEmpty();
    }

    @Test
    void aReplayMovesOnlyTheLettersThatWereThereEvenWhenOneFailsAgainAtOnce() throws Exception {
        ProbeHandler.fixed = false;
        UUID message = probes.send(probe, FAIL_UNTIL_FIXED).get(0);
        await("dead-lettered").atMost(Duration.ofSeconds(30)).until(() -> deadLetterGauge() == 1.0);
        int deliveriesPerRound = ProbeHandler.calls(message);

        // not fixed: the letter fails again and is back in the dead-letter queue while the replay still runs
        int replayed = deadLetters.replay(probe.queue(), 10);

        assertThat(replayed).as("letters moved").isEqualTo(1);
        await("failed its deliveries again and dead-lettered again").atMost(Duration.ofSeconds(30))
                .until(() -> ProbeHandler.calls(message) == 2 * deliveriesPerRound && deadLetterGauge() == 1.0);
        ProbeHandler.fixed = true;
        assertThat(deadLetters.replay(probe.queue(), 10)).isEqualTo(1);
        await("applied after the fix").atMost(Duration.ofSeconds(30)).until(() -> probes.effects(message) == 1);
        await("the dead-letter queue empty again").atMost(Duration.ofSeconds(30)).until(() -> deadLetterGauge() == 0.0);
    }

    private double deadLetterGauge() {
        Gauge<?> gauge = metrics.getGauge(new MetricID("dead.letters", new Tag("queue", probe.queue().name())));
        return gauge.getValue().doubleValue();
    }
}
