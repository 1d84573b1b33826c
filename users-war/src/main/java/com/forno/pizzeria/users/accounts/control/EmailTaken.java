package com.forno.pizzeria.users.accounts.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

public class EmailTaken extends ProblemException {

    public EmailTaken() {
        super(Problem.typed("email-taken", "Email already registered", 409,
                "An account with this email exists; sign in or use another email."));
    }
}
