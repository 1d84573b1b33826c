package com.forno.pizzeria.payments;

import static com.forno.pizzeria.payments.AuthorizationIT.declined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.Topology;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failing, a slow and an unavailable processor: every authorisation still gets an answer, and nothing is left
 * held at the processor. An authorisation whose answer was lost (a timeout, an error) is voided by reference before
 * the decline; when that void fails too, the payment owes it and the resolver gets it through later.
 * The test WAR's breaker opens only after 10 failed calls in a row and half-opens after 4 s (see the pom); every
 * test starts after a successful authorisation, so the failures of one (3 each) never add up with another's.
 */
class ProcessorFaultsIT extends OverTheBus {

    /** 1 call + 2 retries (Acquirer's @Retry). */
    static final int ATTEMPTS = 3;

    @BeforeEach
    void closedCircuitWithNoFailuresBehindIt() {
        await("an authorisation goes through").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> bus.authorize(UUID.randomUUID(), customer, 4590, "tok_approved").type()
                        .equals("PaymentAuthorized"));
    }

    /** Authorises with {@code token}: declined for {@code reason} after every attempt, and its reference voided. */
    private void declinedAfterEveryAttemptAndAVoid(UUID order, String token, String reason) throws Exception {
        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, token));
        assertThat(declined.reason()).isEqualTo(reason);
        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo("DECLINED");
            assertThat(payment.processorCalls()).as("authorisations, then a void by reference").isEqualTo(ATTEMPTS + 1);
        });
    }

    @Test
    void aFailingProcessorIsRetriedAndThenTheCardIsDeclined() throws Exception {
        UUID order = UUID.randomUUID();

        declinedAfterEveryAttemptAndAVoid(order, "tok_error", "PROCESSOR_ERROR");

        assertThat(Ledger.payment(order).orElseThrow().authorizationCode()).isNull();
        // a 5xx may come after the processor acted, so the reference is voided: here nothing had been held
        assertThat(FakeProcessor.hold(order)).as("the processor's books").hasValueSatisfying(hold -> {
            assertThat(hold.status()).isEqualTo("VOIDED");
            assertThat(hold.authorizationCode()).isNull();
        });
        assertThat(Ledger.voidPending(order)).isFalse();
    }

    @Test
    void aSlowProcessorTimesOutOnEveryAttemptAndTheCardIsDeclinedAndItsHoldVoided() throws Exception {
        UUID order = UUID.randomUUID();

        declinedAfterEveryAttemptAndAVoid(order, "tok_slow", "PROCESSOR_TIMEOUT");

        assertThat(FakeProcessor.holdStatus(order)).as("the hold the slow processor made").isEqualTo("VOIDED");
        assertThat(Ledger.voidPending(order)).isFalse();
    }

    @Test
    void aVoidThatFailsIsOwedAndTheResolverGetsItThroughOnceTheProcessorIsBack() throws Exception {
        UUID order = UUID.randomUUID();
        double voidedLater = Api.sample(api.metrics(), "payments_resolutions_total", "result=\"voided_later\"");
        FakeProcessor.failNext(order, "void", 1_000);

        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_slow"));

        assertThat(declined.reason()).as("declined at once, without waiting for the void").isEqualTo("PROCESSOR_TIMEOUT");
        assertThat(Ledger.voidPending(order)).as("the payment owes a void").isTrue();
        assertThat(FakeProcessor.holdStatus(order)).isEqualTo("HELD");
        assertThat(Api.sample(api.metrics(), "payments_unresolved")).isGreaterThanOrEqualTo(1);
        int callsAtDecline = Ledger.payment(order).orElseThrow().processorCalls();
        await("the resolver tries again").atMost(Bus.REPLY_WITHIN)
                .until(() -> Ledger.payment(order).orElseThrow().processorCalls() > callsAtDecline);
        assertThat(FakeProcessor.holdStatus(order)).as("while the processor still fails").isEqualTo("HELD");

        FakeProcessor.failNext(order, "void", 0);

        await("the resolver voids the hold").atMost(Bus.REPLY_WITHIN)
                .until(() -> "VOIDED".equals(FakeProcessor.holdStatus(order)) && !Ledger.voidPending(order));
        assertThat(Ledger.status(order)).isEqualTo("DECLINED");
        await("nothing unresolved").atMost(Bus.REPLY_WITHIN)
                .until(() -> Api.sample(api.metrics(), "payments_unresolved") == 0);
        assertThat(Api.sample(api.metrics(), "payments_resolutions_total", "result=\"voided_later\""))
                .isEqualTo(voidedLater + 1);
    }

    @Test
    void aCaptureWhileTheProcessorIsDownIsHeldUntilItIsBackNeitherDroppedNorDeadLettered() throws Exception {
        UUID order = UUID.randomUUID();
        assertThat(bus.authorize(order, customer, 4590, "tok_approved").type()).isEqualTo("PaymentAuthorized");
        double heldBefore = Api.sample(api.metrics(), "messages_held_total", "queue=\"payments.commands\"");
        FakeProcessor.failNext(order, "capture", 1_000);

        Envelope capture = bus.send(new CapturePayment(order));

        // more failed captures than the message's delivery limit would ever have allowed: it was held, not redelivered
        await("captures tried beyond the delivery limit").atMost(Duration.ofSeconds(90))
                .until(() -> 1_000 - FakeProcessor.failuresLeft(order, "capture") > ATTEMPTS * Topology.DELIVERY_LIMIT);
        assertThat(Ledger.status(order)).isEqualTo("AUTHORIZED");
        assertThat(Api.sample(api.metrics(), "messages_held_total", "queue=\"payments.commands\""))
                .isEqualTo(heldBefore + 1);

        FakeProcessor.failNext(order, "capture", 0);

        await("captured once the processor is back").atMost(Bus.REPLY_WITHIN)
                .until(() -> "CAPTURED".equals(Ledger.status(order)) && Ledger.applied(capture.id()));
        assertThat(FakeProcessor.holdStatus(order)).isEqualTo("CAPTURED");
        assertThat(Api.sample(api.metrics(), "dead_letters", "queue=\"payments.commands\"")).isZero();
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
        // every failing authorisation adds 3 failed calls (its void by reference is not an authorisation); the
        // 10th failure in a row opens the circuit
        String reason = null;
        for (int i = 0; i < 10 && !"PROCESSOR_UNAVAILABLE".equals(reason); i++) {
            reason = declined(bus.authorize(UUID.randomUUID(), customer, 4590, "tok_error")).reason();
        }
        assertThat(reason).as("the circuit opened after repeated failures").isEqualTo("PROCESSOR_UNAVAILABLE");

        UUID whileOpen = UUID.randomUUID();
        PaymentDeclined declined = declined(bus.authorize(whileOpen, customer, 4590, "tok_approved"));

        assertThat(declined.reason()).isEqualTo("PROCESSOR_UNAVAILABLE");
        assertThat(Ledger.payment(whileOpen).orElseThrow().processorCalls()).as("calls to the processor").isZero();
        assertThat(FakeProcessor.hold(whileOpen)).as("not asked, so nothing to void").isEmpty();

        // after the breaker's delay a trial call goes through, succeeds and closes the circuit
        await("the circuit closes again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> bus.authorize(UUID.randomUUID(), customer, 4590, "tok_approved").type()
                        .equals("PaymentAuthorized"));
    }
}
