package com.forno.pizzeria.platform.problems;

import jakarta.ws.rs.WebApplicationException;

/**
 * Base of the services' own client errors (named after the problem, e.g. {@code EmailTaken} → 409): the mapper
 * renders its {@link Problem} as is.
 */
public class ProblemException extends WebApplicationException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), problem.status());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
