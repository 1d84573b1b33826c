package com.forno.pizzeria.payments.charges.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static final Instant NOW = Instant.parse("2025-11-01T12:00:00Z");

    @Test
    void anAuthorizedPaymentIsCapturedOnceAndThenOnlyRefunded() {
        Payment payment = authorized();

        payment.captured(1, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThatThrownBy(() -> payment.captured(1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.voided("CANCELLED_BY_ADMIN", 1, NOW)).isInstanceOf(IllegalStateException.class);
        payment.refunded("CANCELLED_BY_ADMIN", 1, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.reason()).isEqualTo("CANCELLED_BY_ADMIN");
    }

    @Test
    void anAuthorizedPaymentCanBeVoidedButAVoidedOneNeverCaptured() {
        Payment payment = authorized();

        payment.voided("CANCELLED_BY_CUSTOMER", 1, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThatThrownBy(() -> payment.captured(1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.refunded("x", 1, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeclinedPaymentKeepsItsReasonAndCanNeverMove() {
        Payment payment = Payment.declined(UUID.randomUUID(), UUID.randomUUID(), 4590, DeclineReason.INSUFFICIENT_FUNDS, 1, NOW);

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(payment.authorizationCode()).isNull();
        assertThatThrownBy(() -> payment.captured(1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.voided("x", 1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.refunded("x", 1, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void processorCallsAddUpOverTheLifeOfThePayment() {
        Payment payment = Payment.authorized(UUID.randomUUID(), UUID.randomUUID(), 4590, "auth_1", 3, NOW);

        payment.captured(2, NOW);

        assertThat(payment.processorCalls()).isEqualTo(5);
    }

    @Test
    void aPaymentIsForAPositiveAmountInReais() {
        assertThatThrownBy(() -> Payment.authorized(UUID.randomUUID(), UUID.randomUUID(), 0, "auth_1", 1, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(authorized().currency()).isEqualTo("BRL");
    }

    @Test
    void aDeclineOwesAVoidByReferenceUntilOneGoesThroughCountingEveryTry() {
        Payment payment = Payment.declined(UUID.randomUUID(), UUID.randomUUID(), 4590, DeclineReason.PROCESSOR_TIMEOUT, 4, NOW);

        payment.owesVoid(NOW);
        payment.owesVoid(NOW.plusSeconds(5));
        payment.voidByReferenceFailed(3, NOW.plusSeconds(30));

        assertThat(payment.voidPendingSince()).as("owed since the first time").contains(NOW);
        payment.voidedByReference(1, NOW.plusSeconds(60));
        assertThat(payment.voidPendingSince()).isEmpty();
        assertThat(payment.processorCalls()).isEqualTo(8);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.reason()).isEqualTo("PROCESSOR_TIMEOUT");
        assertThatThrownBy(() -> payment.voidedByReference(1, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.voidByReferenceFailed(1, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyADeclineOwesAVoidByReference() {
        Payment payment = authorized();

        assertThatThrownBy(() -> payment.owesVoid(NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.voidPendingSince()).isEmpty();
    }

    @Test
    void aTombstoneKeepsTheFirstCancellation() {
        OrderLock order = new OrderLock(UUID.randomUUID());

        order.cancel("EXPIRED", NOW);
        order.cancel("CANCELLED_BY_ADMIN", NOW.plusSeconds(5));

        assertThat(order.isCancelled()).isTrue();
        assertThat(order.cancelReason()).isEqualTo("EXPIRED");
    }

    private static Payment authorized() {
        return Payment.authorized(UUID.randomUUID(), UUID.randomUUID(), 4590, "auth_1", 1, NOW);
    }
}
