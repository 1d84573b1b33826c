package com.forno.pizzeria.payments;

import static com.forno.pizzeria.payments.AuthorizationIT.authorized;
import static com.forno.pizzeria.payments.AuthorizationIT.declined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import com.forno.pizzeria.contracts.payments.VoidPayment;
import org.junit.jupiter.api.Test;

/** Cancelled orders: a hold is released, a capture refunded, and a late authorisation never charges. */
class CancellationIT extends OverTheBus {

    @Test
    void aVoidBeforeItsAuthorizationGetsTheAuthorizationDeclinedAndNothingCharged() throws Exception {
        applied(bus.send(new VoidPayment(order, "CANCELLED_BY_CUSTOMER")));

        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_approved"));

        assertThat(declined.reason()).isEqualTo("CANCELLED");
        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo("DECLINED");
            assertThat(payment.processorCalls()).as("calls to the processor").isZero();
            assertThat(payment.authorizationCode()).isNull();
        });
        assertThat(FakeProcessor.hold(order)).as("the processor's hold").isEmpty();
    }

    @Test
    void aVoidAfterTheAuthorizationReleasesTheHold() throws Exception {
        authorized(bus.authorize(order, customer, 4590, "tok_approved"));

        bus.send(new VoidPayment(order, "CANCELLED_BY_CUSTOMER"));

        awaitStatus("VOIDED");
        assertThat(Ledger.payment(order).orElseThrow().reason()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(FakeProcessor.holdStatus(order)).as("the processor's hold").isEqualTo("VOIDED");
    }

    @Test
    void aVoidAfterTheCaptureRefunds() throws Exception {
        authorized(bus.authorize(order, customer, 4590, "tok_approved"));
        bus.send(new CapturePayment(order));
        awaitStatus("CAPTURED");

        bus.send(new VoidPayment(order, "CANCELLED_BY_ADMIN"));

        awaitStatus("REFUNDED");
        assertThat(Ledger.payment(order).orElseThrow().processorCalls()).as("authorise, capture, refund").isEqualTo(3);
        assertThat(FakeProcessor.holdStatus(order)).as("the processor's hold").isEqualTo("REFUNDED");
    }

    @Test
    void aCaptureThatComesAfterTheVoidTakesNothing() throws Exception {
        authorizedThenVoided("EXPIRED");

        applied(bus.send(new CapturePayment(order)));

        assertThat(Ledger.status(order)).isEqualTo("VOIDED");
        assertThat(Ledger.payment(order).orElseThrow().processorCalls()).as("authorise, void").isEqualTo(2);
        assertThat(FakeProcessor.holdStatus(order)).as("the processor's hold").isEqualTo("VOIDED");
    }

    @Test
    void aRepeatedVoidChangesNothing() throws Exception {
        authorizedThenVoided("CANCELLED_BY_CUSTOMER");

        applied(bus.send(new VoidPayment(order, "CANCELLED_BY_ADMIN")));

        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.status()).isEqualTo("VOIDED");
            assertThat(payment.reason()).isEqualTo("CANCELLED_BY_CUSTOMER");
            assertThat(payment.processorCalls()).isEqualTo(2);
        });
    }

    @Test
    void anAuthorizationRepeatedAfterTheVoidIsAnsweredAsCancelled() throws Exception {
        authorizedThenVoided("CANCELLED_BY_CUSTOMER");

        bus.send(new AuthorizePayment(order, customer, 4590, "BRL", "tok_approved"));

        await("a second reply").atMost(Bus.REPLY_WITHIN).until(() -> bus.replies(order).size() == 2);
        assertThat(declined(bus.replies(order).get(1)).reason()).isEqualTo("CANCELLED");
        assertThat(Ledger.payments(order)).isEqualTo(1);
        assertThat(Ledger.status(order)).isEqualTo("VOIDED");
    }

    /** The order's payment authorised, then voided for {@code reason}. */
    private void authorizedThenVoided(String reason) throws Exception {
        authorized(bus.authorize(order, customer, 4590, "tok_approved"));
        bus.send(new VoidPayment(order, reason));
        awaitStatus("VOIDED");
    }

    private void awaitStatus(String status) {
        await(status).atMost(Bus.REPLY_WITHIN).until(() -> status.equals(Ledger.status(order)));
    }

    private static void applied(Envelope message) {
        await("message " + message.type() + " applied").atMost(Bus.REPLY_WITHIN).until(() -> Ledger.applied(message.id()));
    }
}
