package com.forno.pizzeria.stock.ingredients.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** A movement would take more than is on hand. */
public class NegativeStock extends ProblemException {

    public NegativeStock(String sku, long onHand, long delta) {
        super(Problem.typed("negative-stock", "Not that much in stock", 409,
                "%s has %d on hand; a change of %d would make it negative.".formatted(sku, onHand, delta)));
    }
}
