package com.forno.pizzeria.payments.charges.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import com.forno.pizzeria.payments.charges.entity.OrderLock;
import com.forno.pizzeria.payments.charges.entity.Payment;
import com.forno.pizzeria.payments.charges.entity.PaymentStatus;
import com.forno.pizzeria.platform.messaging.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decisions of {@link Charges}, with the database, the processor and the outbox replaced by plain doubles. */
class ChargesTest {

    final UUID order = UUID.randomUUID();
    final UUID customer = UUID.randomUUID();

    final InMemoryPayments payments = new InMemoryPayments();
    final ScriptedAcquirer acquirer = new ScriptedAcquirer();
    final RecordingOutbox outbox = new RecordingOutbox();
    final RecordingMetrics metrics = new RecordingMetrics();
    final Charges charges = new Charges();
    final UnknownOutcomes unknownOutcomes = new UnknownOutcomes();
    final Clock clock = Clock.fixed(Instant.parse("2025-11-01T12:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void wire() {
        unknownOutcomes.payments = payments;
        unknownOutcomes.acquirer = acquirer;
        unknownOutcomes.metrics = metrics;
        unknownOutcomes.clock = clock;
        charges.payments = payments;
        charges.acquirer = acquirer;
        charges.unknownOutcomes = unknownOutcomes;
        charges.outbox = outbox;
        charges.metrics = metrics;
        charges.clock = clock;
    }

    @Test
    void anApprovedCardIsAuthorizedAndTheSagaIsToldSo() {
        Payment payment = charges.authorize(authorize("tok_approved"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(payment.processorCalls()).isEqualTo(1);
        assertThat(outbox.sent).containsExactly(new PaymentAuthorized(order, payment.id(), 4590));
    }

    @Test
    void aRefusalIsRecordedAsADeclineWithItsReason() {
        acquirer.answer = Authorization.declined(DeclineReason.INSUFFICIENT_FUNDS);

        Payment payment = charges.authorize(authorize("tok_insufficient_funds"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(outbox.sent).containsExactly(new PaymentDeclined(order, payment.id(), "INSUFFICIENT_FUNDS"));
    }

    @Test
    void anAuthorizationOfUnknownOutcomeIsVoidedByReferenceBeforeItIsDeclined() {
        acquirer.answer = Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT);

        Payment payment = charges.authorize(authorize("tok_slow"));

        assertThat(acquirer.voidsByReference).containsExactly(order);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("PROCESSOR_TIMEOUT");
        assertThat(payment.voidPendingSince()).isEmpty();
        assertThat(payment.processorCalls()).as("the authorisation and the void").isEqualTo(2);
        assertThat(metrics.resolutions).containsExactly(PaymentMetrics.Resolution.VOIDED);
        assertThat(outbox.sent).containsExactly(new PaymentDeclined(order, payment.id(), "PROCESSOR_TIMEOUT"));
    }

    @Test
    void anErrorAfterTheProcessorWasAskedIsAnUnknownOutcomeToo() {
        acquirer.answer = Authorization.unknown(DeclineReason.PROCESSOR_ERROR);

        Payment payment = charges.authorize(authorize("tok_error"));

        assertThat(acquirer.voidsByReference).containsExactly(order);
        assertThat(payment.reason()).isEqualTo("PROCESSOR_ERROR");
    }

    @Test
    void whenTheVoidFailsTooTheCardIsDeclinedAtOnceAndThePaymentOwesTheVoid() {
        acquirer.answer = Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT);
        acquirer.voidsFail = true;

        Payment payment = charges.authorize(authorize("tok_slow"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.voidPendingSince()).contains(clock.instant());
        assertThat(metrics.resolutions).containsExactly(PaymentMetrics.Resolution.DEFERRED);
        assertThat(outbox.sent).containsExactly(new PaymentDeclined(order, payment.id(), "PROCESSOR_TIMEOUT"));
    }

    @Test
    void aPlainDeclineOrAnOpenCircuitIsNotVoided() {
        acquirer.answer = Authorization.declined(DeclineReason.PROCESSOR_UNAVAILABLE);
        Payment unavailable = charges.authorize(authorize("tok_approved"));
        acquirer.answer = Authorization.declined(DeclineReason.DECLINED);
        Payment declined = charges.authorize(new AuthorizePayment(UUID.randomUUID(), customer, 4590, "BRL", "tok_declined"));

        assertThat(acquirer.voidsByReference).isEmpty();
        assertThat(unavailable.voidPendingSince()).isEmpty();
        assertThat(declined.voidPendingSince()).isEmpty();
        assertThat(metrics.resolutions).isEmpty();
    }

    @Test
    void theResolverVoidsWhatIsOwedOnceTheProcessorIsBack() {
        acquirer.answer = Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT);
        acquirer.voidsFail = true;
        Payment payment = charges.authorize(authorize("tok_slow"));
        int callsAtDecline = payment.processorCalls();

        assertThat(unknownOutcomes.resolveOwed(10)).as("while the processor still fails").isZero();
        assertThat(payment.voidPendingSince()).isPresent();
        assertThat(payment.processorCalls()).as("the failed void is counted").isEqualTo(callsAtDecline + 1);
        assertThat(unknownOutcomes.owed()).isEqualTo(1);

        acquirer.voidsFail = false;

        assertThat(unknownOutcomes.resolveOwed(10)).isEqualTo(1);
        assertThat(payment.voidPendingSince()).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.processorCalls()).isEqualTo(callsAtDecline + 2);
        assertThat(unknownOutcomes.owed()).isZero();
        assertThat(metrics.resolutions).containsExactly(PaymentMetrics.Resolution.DEFERRED,
                PaymentMetrics.Resolution.VOIDED_LATER);
        assertThat(unknownOutcomes.resolveOwed(10)).as("nothing left").isZero();
    }

    @Test
    void theResolverStopsAtTheFirstVoidThatFailsAndLeavesTheRestForTheNextPass() {
        acquirer.answer = Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT);
        acquirer.voidsFail = true;
        for (int i = 0; i < 3; i++) {
            charges.authorize(new AuthorizePayment(UUID.randomUUID(), customer, 4590, "BRL", "tok_slow"));
        }
        acquirer.voidsByReference.clear();

        assertThat(unknownOutcomes.resolveOwed(10)).isZero();

        assertThat(acquirer.voidsByReference).as("one try, not one per payment").hasSize(1);
        assertThat(unknownOutcomes.owed()).isEqualTo(3);
    }

    @Test
    void aRepeatedAuthorizationAnswersTheFirstOutcomeWithoutAskingTheProcessorAgain() {
        Payment first = charges.authorize(authorize("tok_approved"));

        Payment second = charges.authorize(authorize("tok_approved"));

        assertThat(second).isSameAs(first);
        assertThat(acquirer.authorizations).isEqualTo(1);
        assertThat(payments.all).hasSize(1);
        assertThat(outbox.sent).hasSize(2).allMatch(reply -> reply.equals(new PaymentAuthorized(order, first.id(), 4590)));
    }

    @Test
    void aVoidBeforeTheAuthorizationMakesItADeclineWithoutAskingTheProcessor() {
        charges.cancel(new VoidPayment(order, "CANCELLED_BY_CUSTOMER"));

        Payment payment = charges.authorize(authorize("tok_approved"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("CANCELLED");
        assertThat(payment.processorCalls()).isZero();
        assertThat(acquirer.authorizations).isZero();
        assertThat(outbox.sent).containsExactly(new PaymentDeclined(order, payment.id(), "CANCELLED"));
    }

    @Test
    void aCaptureTakesTheHeldAmountOnce() {
        Payment payment = charges.authorize(authorize("tok_approved"));

        charges.capture(new CapturePayment(order));
        charges.capture(new CapturePayment(order));

        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(acquirer.settlements).containsExactly("capture");
    }

    @Test
    void aVoidReleasesAnAuthorizationAndRefundsACapture() {
        Payment held = charges.authorize(authorize("tok_approved"));
        charges.cancel(new VoidPayment(order, "CANCELLED_BY_CUSTOMER"));

        UUID otherOrder = UUID.randomUUID();
        Payment taken = charges.authorize(new AuthorizePayment(otherOrder, customer, 990, "BRL", "tok_approved"));
        charges.capture(new CapturePayment(otherOrder));
        charges.cancel(new VoidPayment(otherOrder, "CANCELLED_BY_ADMIN"));

        assertThat(held.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(taken.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(taken.reason()).isEqualTo("CANCELLED_BY_ADMIN");
        assertThat(acquirer.settlements).containsExactly("void", "capture", "refund");
    }

    @Test
    void aCaptureAfterAVoidTakesNothing() {
        Payment payment = charges.authorize(authorize("tok_approved"));
        charges.cancel(new VoidPayment(order, "EXPIRED"));

        charges.capture(new CapturePayment(order));

        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(acquirer.settlements).containsExactly("void");
    }

    @Test
    void voidingADeclinedOrAlreadyVoidedPaymentAsksTheProcessorNothing() {
        acquirer.answer = Authorization.declined(DeclineReason.DECLINED);
        Payment payment = charges.authorize(authorize("tok_declined"));

        charges.cancel(new VoidPayment(order, "PAYMENT_DECLINED"));
        charges.cancel(new VoidPayment(order, "PAYMENT_DECLINED"));

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(acquirer.settlements).isEmpty();
    }

    @Test
    void aVoidedPaymentIsAnsweredAsACancelledOrder() {
        Payment payment = charges.authorize(authorize("tok_approved"));
        charges.cancel(new VoidPayment(order, "CANCELLED_BY_CUSTOMER"));

        assertThat(Charges.replyTo(payment)).isEqualTo(new PaymentDeclined(order, payment.id(), "CANCELLED"));
    }

    @Test
    void aCaptureOfAnUnknownOrderFailsTheMessage() {
        assertThatThrownBy(() -> charges.capture(new CapturePayment(order))).isInstanceOf(UnknownPayment.class);
    }

    @Test
    void commandsThatBreakTheContractAreRefusedBeforeAnythingHappens() {
        assertThatThrownBy(() -> charges.authorize(new AuthorizePayment(order, customer, 0, "BRL", "tok_approved")))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> charges.authorize(new AuthorizePayment(order, customer, 4590, "USD", "tok_approved")))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> charges.authorize(new AuthorizePayment(order, null, 4590, "BRL", "tok_approved")))
                .isInstanceOf(InvalidCommand.class);
        assertThatThrownBy(() -> charges.authorize(new AuthorizePayment(null, customer, 4590, "BRL", "tok_approved")))
                .isInstanceOf(InvalidCommand.class).hasMessageNotContaining("tok_approved");
        assertThat(acquirer.authorizations).isZero();
        assertThat(payments.locks).isEmpty();
    }

    private AuthorizePayment authorize(String token) {
        return new AuthorizePayment(order, customer, 4590, "BRL", token);
    }

    // --- doubles ---------------------------------------------------------------------------------------------

    static class RecordingMetrics extends PaymentMetrics {
        final List<Resolution> resolutions = new ArrayList<>();

        @Override
        public void decided(Payment payment) {
        }

        @Override
        public void settled(PaymentStatus status) {
        }

        @Override
        public void resolved(Resolution resolution) {
            resolutions.add(resolution);
        }
    }

    static class InMemoryPayments extends Payments {
        final Map<UUID, OrderLock> locks = new HashMap<>();
        final List<Payment> all = new ArrayList<>();

        @Override
        public OrderLock lock(UUID orderId) {
            return locks.computeIfAbsent(orderId, OrderLock::new);
        }

        @Override
        public List<Payment> ofOrder(UUID orderId) {
            return all.stream().filter(p -> p.orderId().equals(orderId)).toList();
        }

        @Override
        public Optional<Payment> find(UUID id) {
            return all.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public void add(Payment payment) {
            all.add(payment);
        }

        @Override
        public List<Payment> owingVoid(int batch) {
            return all.stream().filter(p -> p.voidPendingSince().isPresent()).limit(batch).toList();
        }

        @Override
        public long owingVoid() {
            return owingVoid(Integer.MAX_VALUE).size();
        }
    }

    static class ScriptedAcquirer extends Acquirer {
        Authorization answer = Authorization.approved("auth_test");
        boolean voidsFail;
        int authorizations;
        final List<String> settlements = new ArrayList<>();
        final List<UUID> voidsByReference = new ArrayList<>();

        @Override
        public CompletionStage<Authorization> authorize(UUID orderId, long amountCents, String currency,
                                                        String cardToken, ProcessorCalls calls) {
            authorizations++;
            calls.add();
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletionStage<Void> capture(String authorizationCode, long amountCents, ProcessorCalls calls) {
            return settle("capture", calls);
        }

        @Override
        public CompletionStage<Void> voidAuthorization(String authorizationCode, ProcessorCalls calls) {
            return settle("void", calls);
        }

        @Override
        public CompletionStage<Void> refund(String authorizationCode, long amountCents, ProcessorCalls calls) {
            return settle("refund", calls);
        }

        @Override
        public CompletionStage<Void> voidByReference(UUID orderId, ProcessorCalls calls) {
            voidsByReference.add(orderId);
            calls.add();
            return voidsFail
                    ? CompletableFuture.failedFuture(new ProcessorFailure("the card processor answered 503"))
                    : CompletableFuture.completedFuture(null);
        }

        private CompletionStage<Void> settle(String operation, ProcessorCalls calls) {
            settlements.add(operation);
            calls.add();
            return CompletableFuture.completedFuture(null);
        }
    }

    static class RecordingOutbox extends Outbox {
        final List<Record> sent = new ArrayList<>();

        @Override
        public UUID send(Record payload, Object correlationId) {
            sent.add(payload);
            return UUID.randomUUID();
        }
    }
}
