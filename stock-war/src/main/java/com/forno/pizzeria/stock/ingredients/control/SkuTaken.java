package com.forno.pizzeria.stock.ingredients.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

public class SkuTaken extends ProblemException {

    public SkuTaken(String sku) {
        super(Problem.typed("sku-taken", "SKU already in use", 409,
                "An ingredient with sku " + sku + " exists; record a movement to change its stock."));
    }
}
