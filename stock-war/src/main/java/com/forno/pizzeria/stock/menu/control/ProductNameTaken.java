package com.forno.pizzeria.stock.menu.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** Two menu items with one name would confuse customers, the kitchen and the demo loader (which matches by name). */
public class ProductNameTaken extends ProblemException {

    public ProductNameTaken(String name) {
        super(Problem.typed("product-name-taken", "Product name already in use", 409,
                "A product named \"" + name + "\" exists (names are compared ignoring case)."));
    }
}
