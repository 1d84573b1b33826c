package com.forno.pizzeria.platform.it;

import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.APPLY;
import static com.forno.pizzeria.platform.it.ProbeHandler.Behaviour.FAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.platform.messaging.DeadLetters;
import com.forno.pizzeria.platform.messaging.DeadLetters.DeadLetter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A card token does not stay at rest once its message has left, and an operator never sees one in the dead letters. */
class SecretsIT extends OverTheBroker {

    private static final String TOKEN = "tok_secret_4242";

    @Inject
    ProbeHandler.SecretQueue probe;

    @Inject
    DeadLetters deadLetters;

    @Test
    void theOutboxBlanksTheCardTokenOnceTheBrokerHasTheMessageWhichStillCarriesIt() {
        UUID id = probes.sendWithCardToken(probe, APPLY, TOKEN);

        await("applied").atMost(Duration.ofSeconds(30)).until(() -> probes.effects(id) == 1);
        await("marked sent").atMost(Duration.ofSeconds(10)).until(() -> probes.outboxRow(id).sent());
        assertThat(probes.outboxMessage(id)).doesNotContain(TOKEN).contains("\"cardToken\":\"[redacted]\"");
        assertThat(ProbeHandler.cardToken(id)).as("what the consumer received").isEqualTo(TOKEN);
    }

    @Test
    void aDeadLetterIsListedWithoutItsCardToken() throws Exception {
        UUID id = probes.sendWithCardToken(probe, FAIL, TOKEN);

        DeadLetter letter = await("dead-lettered").atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.list(probe.queue(), 100).stream()
                        .filter(l -> l.messageId().equals(id.toString())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(letter.body()).doesNotContain(TOKEN).contains("[redacted]");
        List<DeadLetter> all = deadLetters.list(probe.queue(), 100);
        assertThat(all).allSatisfy(l -> assertThat(l.body()).doesNotContain(TOKEN));
    }
}
