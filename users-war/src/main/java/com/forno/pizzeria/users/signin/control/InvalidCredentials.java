package com.forno.pizzeria.users.signin.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** The one answer for an unknown email and for a wrong password: nothing tells which. */
public class InvalidCredentials extends ProblemException {

    public InvalidCredentials() {
        super(Problem.typed("invalid-credentials", "Invalid credentials", 401, "The email or the password is wrong."));
    }
}
