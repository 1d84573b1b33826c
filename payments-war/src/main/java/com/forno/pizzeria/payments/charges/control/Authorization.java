package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import java.util.Objects;

/** The answer to an authorisation: approved, with the processor's code for the hold, or declined with a reason. */
public record Authorization(String code, DeclineReason declineReason) {

    public Authorization {
        if ((code == null) == (declineReason == null)) {
            throw new IllegalArgumentException("an authorisation is either approved with a code or declined with a reason");
        }
    }

    public static Authorization approved(String code) {
        return new Authorization(Objects.requireNonNull(code), null);
    }

    public static Authorization declined(DeclineReason reason) {
        return new Authorization(null, Objects.requireNonNull(reason));
    }

    public boolean approved() {
        return code != null;
    }
}
