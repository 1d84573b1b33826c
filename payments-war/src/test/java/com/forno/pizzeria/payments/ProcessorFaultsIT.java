package com.forno.pizzeria.payments;

import static com.forno.pizzeria.payments.AuthorizationIT.declined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failing, a slow and an unavailable processor: every authorisation still gets an answer, and nothing is held.
 * The test WAR's breaker opens only after 10 failed calls in a row and half-opens after 4 s (see the pom), so the
 * single-failure tests here never open it for one another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProcessorFaultsIT {

    /** 1 call + 2 retries (Acquirer's @Retry). */
    static final int ATTEMPTS = 3;

    static Bus bus;

    final UUID customer = UUID.randomUUID();

    @BeforeAll
    static void connect() throws Exception {
        bus = Bus.connect();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    @Test
    void aFailingProcessorIsRetriedAndThenTheCardIsDeclined() throws Exception {
        UUID order = UUID.randomUUID();

        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_error"));

        assertThat(declined.reason()).isEqualTo("PROCESSOR_ERROR");
        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo("DECLINED");
            assertThat(payment.processorCalls()).as("calls to the processor").isEqualTo(ATTEMPTS);
            assertThat(payment.authorizationCode()).isNull();
        });
    }

    @Test
    void aSlowProcessorTimesOutOnEveryAttemptAndTheCardIsDeclined() throws Exception {
        UUID order = UUID.randomUUID();

        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_slow"));

        assertThat(declined.reason()).isEqualTo("PROCESSOR_TIMEOUT");
        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo("DECLINED");
            assertThat(payment.processorCalls()).as("calls to the processor").isEqualTo(ATTEMPTS);
        });
    }

    @Test
    void theOrderStaysLockedWhileItsAuthorizationIsWithTheProcessor() throws Exception {
        UUID order = UUID.randomUUID();

        var message = bus.send(new AuthorizePayment(order, customer, 4590, "BRL", "tok_slow"));

        // tok_slow keeps the handler busy for seconds: meanwhile the order's row must be held, not committed, and
        // the message's inbox row must not be committed either (one transaction: inbox, lock, payment, reply)
        Ledger.Probe seen = await("the authorisation holds the order").atMost(Bus.REPLY_WITHIN)
                .until(() -> Ledger.probeOrderLock(order), probe -> probe != Ledger.Probe.ABSENT);
        assertThat(seen).as("the order's lock while the processor is asked").isEqualTo(Ledger.Probe.HELD);
        assertThat(Ledger.applied(message.id())).as("inbox row committed before the effect").isFalse();
        assertThat(bus.replies(order)).as("no answer before the processor's").isEmpty();

        assertThat(declined(bus.firstReply(order)).reason()).isEqualTo("PROCESSOR_TIMEOUT");
        assertThat(Ledger.probeOrderLock(order)).as("after the commit").isEqualTo(Ledger.Probe.FREE);
    }

    @Test
    void anOpenCircuitDeclinesAtOnceWithoutCallingTheProcessorAndClosesAgain() throws Exception {
        // every failing authorisation adds 3 failed calls; the 10th failure in a row opens the circuit
        String reason = null;
        for (int i = 0; i < 10 && !"PROCESSOR_UNAVAILABLE".equals(reason); i++) {
            reason = declined(bus.authorize(UUID.randomUUID(), customer, 4590, "tok_error")).reason();
        }
        assertThat(reason).as("the circuit opened after repeated failures").isEqualTo("PROCESSOR_UNAVAILABLE");

        UUID whileOpen = UUID.randomUUID();
        PaymentDeclined declined = declined(bus.authorize(whileOpen, customer, 4590, "tok_approved"));

        assertThat(declined.reason()).isEqualTo("PROCESSOR_UNAVAILABLE");
        assertThat(Ledger.payment(whileOpen).orElseThrow().processorCalls()).as("calls to the processor").isZero();

        // after the breaker's delay a trial call goes through, succeeds and closes the circuit
        await("the circuit closes again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> bus.authorize(UUID.randomUUID(), customer, 4590, "tok_approved").type()
                        .equals("PaymentAuthorized"));
    }
}
