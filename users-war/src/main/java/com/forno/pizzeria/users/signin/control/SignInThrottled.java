package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;
import jakarta.ws.rs.core.Response;

/** Too many failed sign-ins for this account lately: try again after {@link #retryAfterSeconds()}. */
public class SignInThrottled extends ProblemException {

    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super(Problem.typed("sign-in-throttled", "Too many failed sign-ins", 429,
                "Too many failed sign-ins for this account; try again in " + retryAfterSeconds + " s."));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Carries Retry-After, which the problem mapper keeps. */
    @Override
    public Response getResponse() {
        return Response.status(429).header("Retry-After", retryAfterSeconds).build();
    }
}
