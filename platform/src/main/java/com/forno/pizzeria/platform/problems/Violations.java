package com.forno.pizzeria.platform.problems;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** A 400 for invalid input found by the service's own rules (beyond Bean Validation), with the fields at fault. */
public class Violations extends ProblemException {

    public Violations(List<Problem.Violation> violations) {
        super(Problem.typed("validation", "The request is not valid", Response.Status.BAD_REQUEST.getStatusCode(),
                "One or more fields are invalid.").with(violations));
    }

    public Violations(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }
}
