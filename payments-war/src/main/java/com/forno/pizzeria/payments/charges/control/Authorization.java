package com.forno.pizzeria.payments.charges.control;

import com.forno.pizzeria.payments.charges.entity.DeclineReason;
import java.util.Objects;

/**
 * The answer to an authorisation: approved, with the processor's code for the hold; declined with a reason; or
 * unknown: the processor was asked but its answer never came (a timeout, an error after our retries), so it may
 * hold money under the reference all the same. An unknown outcome is declined with its reason only once the
 * reference is voided (or the void is owed), never taken for a plain decline.
 */
public record Authorization(String code, DeclineReason declineReason, boolean outcomeUnknown) {

    public Authorization {
        if ((code == null) == (declineReason == null)) {
            throw new IllegalArgumentException("an authorisation is either approved with a code or declined with a reason");
        }
        if (outcomeUnknown && code != null) {
            throw new IllegalArgumentException("an approved authorisation's outcome is known");
        }
    }

    public static Authorization approved(String code) {
        return new Authorization(Objects.requireNonNull(code), null, false);
    }

    public static Authorization declined(DeclineReason reason) {
        return new Authorization(null, Objects.requireNonNull(reason), false);
    }

    /** The processor may have held money and we cannot know: to be declined with {@code reason} after a void. */
    public static Authorization unknown(DeclineReason reason) {
        return new Authorization(null, Objects.requireNonNull(reason), true);
    }

    public boolean approved() {
        return code != null;
    }
}
