package com.forno.pizzeria.stock.ingredients.control;

import com.forno.pizzeria.platform.problems.Problem;
import com.forno.pizzeria.platform.problems.ProblemException;

/** A movement would take stock that is held for orders: those orders could then not be made. */
public class BelowReserved extends ProblemException {

    public BelowReserved(String sku, long onHand, long reserved, long delta) {
        super(Problem.typed("below-reserved", "Stock is held for orders", 409,
                ("%s has %d on hand of which %d are held for orders; a change of %d would leave less than is held. "
                        + "Wait for those orders to be confirmed or released.").formatted(sku, onHand, reserved, delta)));
    }
}
