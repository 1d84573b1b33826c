package com.forno.pizzeria.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.forno.pizzeria.contracts.Envelope;
import com.forno.pizzeria.contracts.orders.OrderConfirmed;
import com.forno.pizzeria.contracts.orders.OrderLine;
import com.forno.pizzeria.contracts.payments.AuthorizePayment;
import com.forno.pizzeria.contracts.payments.CapturePayment;
import com.forno.pizzeria.contracts.payments.PaymentAuthorized;
import com.forno.pizzeria.contracts.payments.PaymentDeclined;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The saga asks for authorisations and captures through RabbitMQ, as orders-war will. */
class AuthorizationIT extends OverTheBus {

    @Test
    void anApprovedCardIsAuthorizedAndThenCaptured() throws Exception {
        PaymentAuthorized authorized = authorized(bus.authorize(order, customer, 4590, "tok_approved"));

        assertThat(authorized.orderId()).isEqualTo(order);
        assertThat(authorized.amountCents()).isEqualTo(4590);
        assertThat(Ledger.payment(order)).hasValueSatisfying(payment -> {
            assertThat(payment.id()).isEqualTo(authorized.paymentId());
            assertThat(payment.status()).isEqualTo("AUTHORIZED");
            assertThat(payment.processorCalls()).isEqualTo(1);
        });
        assertThat(FakeProcessor.hold(order)).as("the processor's hold").hasValueSatisfying(hold -> {
            assertThat(hold.status()).isEqualTo("HELD");
            assertThat(hold.authorizationCode()).isEqualTo(Ledger.payment(order).orElseThrow().authorizationCode());
            assertThat(hold.amountCents()).isEqualTo(4590);
        });

        bus.send(new CapturePayment(order));

        await("captured").atMost(Bus.REPLY_WITHIN).until(() -> "CAPTURED".equals(Ledger.status(order)));
        assertThat(Ledger.payment(order).orElseThrow().processorCalls()).isEqualTo(2);
        assertThat(FakeProcessor.holdStatus(order)).isEqualTo("CAPTURED");
    }

    @Test
    void theOrdersConfirmationCapturesItsPaymentOnceAndAPrepaidOrdersTakesNothing() throws Exception {
        authorized(bus.authorize(order, customer, 4590, "tok_approved"));
        var confirmed = new OrderConfirmed(order, customer, List.of(new OrderLine(UUID.randomUUID(), "Calabresa", 1, 4590)),
                4590, Instant.now(), 2);

        Envelope first = bus.send(confirmed);
        Envelope again = bus.send(confirmed);

        await("both confirmations applied").atMost(Bus.REPLY_WITHIN)
                .until(() -> Ledger.applied(first.id()) && Ledger.applied(again.id()));
        assertThat(Ledger.status(order)).isEqualTo("CAPTURED");
        assertThat(Ledger.payment(order).orElseThrow().processorCalls()).as("authorise, capture once").isEqualTo(2);
        assertThat(FakeProcessor.holdStatus(order)).isEqualTo("CAPTURED");

        // a partner's prepaid order is confirmed without ever asking payments: nothing to take, nothing failed
        UUID prepaid = UUID.randomUUID();
        Envelope partners = bus.send(new OrderConfirmed(prepaid, customer, List.of(), 9000, Instant.now(), 1));
        await("prepaid confirmation applied").atMost(Bus.REPLY_WITHIN).until(() -> Ledger.applied(partners.id()));
        assertThat(Ledger.payments(prepaid)).isZero();
    }

    @Test
    void aDeclinedCardIsDeclinedAndACaptureTakesNothing() throws Exception {
        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_declined"));

        assertThat(declined.reason()).isEqualTo("DECLINED");
        assertThat(declined.orderId()).isEqualTo(order);
        assertThat(FakeProcessor.hold(order)).as("the processor's hold").isEmpty();
        captureChangesNothing("DECLINED");
    }

    @Test
    void aCardWithoutFundsIsDeclinedAsSuchAndCounted() throws Exception {
        double before = declines(api.metrics(), "INSUFFICIENT_FUNDS");

        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_insufficient_funds"));

        assertThat(declined.reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(declines(api.metrics(), "INSUFFICIENT_FUNDS")).isEqualTo(before + 1);
        captureChangesNothing("DECLINED");
    }

    @Test
    void aCardTheProcessorDoesNotKnowIsDeclinedAsInvalid() throws Exception {
        PaymentDeclined declined = declined(bus.authorize(order, customer, 4590, "tok_made_up"));

        assertThat(declined.reason()).isEqualTo("INVALID_CARD");
    }

    @Test
    void theSameAuthorizationTwiceAndAgainUnderANewIdHoldsTheMoneyOnce() throws Exception {
        var command = new AuthorizePayment(order, customer, 4590, "BRL", "tok_approved");
        Envelope first = Bus.envelope(command);
        Envelope resent = Bus.envelope(command);

        // back to back on two consumer sessions: the three may well be handled at the same time
        bus.publish(first);
        bus.publish(first);
        bus.publish(resent);

        await("both messages applied").atMost(Bus.REPLY_WITHIN)
                .until(() -> Ledger.applied(first.id()) && Ledger.applied(resent.id()) && bus.replies(order).size() >= 2);
        assertThat(bus.replies(order)).hasSize(2).allSatisfy(reply -> {
            PaymentAuthorized authorized = authorized(reply);
            assertThat(authorized.paymentId()).isEqualTo(Ledger.payment(order).orElseThrow().id());
        });
        assertThat(Ledger.payments(order)).isEqualTo(1);
        assertThat(Ledger.payment(order).orElseThrow().processorCalls()).as("authorisations asked of the processor")
                .isEqualTo(1);
        assertThat(FakeProcessor.holdStatus(order)).isEqualTo("HELD");
    }

    private void captureChangesNothing(String status) throws Exception {
        Envelope capture = bus.send(new CapturePayment(order));

        await("capture applied").atMost(Bus.REPLY_WITHIN).until(() -> Ledger.applied(capture.id()));
        assertThat(Ledger.status(order)).isEqualTo(status);
        assertThat(Ledger.payment(order).orElseThrow().authorizationCode()).isNull();
    }

    static PaymentAuthorized authorized(Envelope reply) {
        assertThat(reply.type()).as("reply %s", reply.payload()).isEqualTo("PaymentAuthorized");
        return reply.payloadAs(PaymentAuthorized.class);
    }

    static PaymentDeclined declined(Envelope reply) {
        assertThat(reply.type()).as("reply %s", reply.payload()).isEqualTo("PaymentDeclined");
        return reply.payloadAs(PaymentDeclined.class);
    }

    /** payments_total{result="declined",reason=…} in the Prometheus text (0 before the first). */
    static double declines(String metrics, String reason) {
        Matcher line = Pattern.compile("(?m)^payments_total\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("result=\"declined\"") && line.group(1).contains("reason=\"" + reason + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
