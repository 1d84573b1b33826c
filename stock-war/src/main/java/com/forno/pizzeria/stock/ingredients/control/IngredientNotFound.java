package com.forno.pizzeria.stock.ingredients.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

public class IngredientNotFound extends ProblemException {

    public IngredientNotFound(String sku) {
        super(Problem.typed("ingredient-not-found", "No such ingredient", 404, "There is no ingredient " + sku + "."));
    }
}
