package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** The client errors of ordering, each a named problem. */
public final class OrderProblems {

    private OrderProblems() {
    }

    /** 422: the Idempotency-Key was used before for a different request. */
    public static class KeyReused extends ProblemException {

        public KeyReused() {
            super(Problem.typed("idempotency-key-reused", "Idempotency-Key already used", 422,
                    "This Idempotency-Key was used for a different order; use a new key for a new order."));
        }
    }

    /** 409: the order has gone too far for this (cancel after confirmation, a kitchen step out of order). */
    public static class TooLate extends ProblemException {

        public TooLate(String detail) {
            super(Problem.typed("order-state-conflict", "Not possible in the order's current state", 409, detail));
        }
    }
}
