package com.forno.pizzeria.orders.ordering.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** Without stock's menu an order can be neither priced nor checked: refuse it rather than accept it blind. */
public class MenuUnavailable extends ProblemException {

    public MenuUnavailable() {
        super(Problem.typed("menu-unavailable", "Menu temporarily unavailable", 503,
                "The menu cannot be read right now, so no order can be taken; try again in a moment."));
        getResponse().getHeaders().putSingle("Retry-After", "2");
    }
}
