package com.forno.pizzeria.stock.menu.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;
import java.util.UUID;

public class ProductNotFound extends ProblemException {

    public ProductNotFound(UUID id) {
        super(Problem.typed("product-not-found", "No such product", 404, "There is no product " + id + "."));
    }
}
