package com.forno.pizzeria.users.accounts.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** Refused: the pizzeria would be left with nobody who can administer it. */
public class LastAdmin extends ProblemException {

    public LastAdmin() {
        super(Problem.typed("last-admin", "The last admin cannot go", 409,
                "Make another user admin first."));
    }
}
