package com.forno.pizzeria.payments.charges.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    @Test
    void anUnknownOutcomeIsNotApprovedAndCarriesTheReasonItWillBeDeclinedWith() {
        Authorization unknown = Authorization.unknown(DeclineReason.PROCESSOR_TIMEOUT);

        assertThat(unknown.approved()).isFalse();
        assertThat(unknown.outcomeUnknown()).isTrue();
        assertThat(unknown.declineReason()).isEqualTo(DeclineReason.PROCESSOR_TIMEOUT);
        assertThat(unknown).isNotEqualTo(Authorization.declined(DeclineReason.PROCESSOR_TIMEOUT));
    }

    @Test
    void anAnswerIsEitherAnApprovalWithACodeOrADeclineWithAReason() {
        assertThat(Authorization.approved("auth_1").outcomeUnknown()).isFalse();
        assertThat(Authorization.declined(DeclineReason.DECLINED).outcomeUnknown()).isFalse();
        assertThatThrownBy(() -> new Authorization("auth_1", DeclineReason.DECLINED, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authorization(null, null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
