package com.forno.pizzeria.stock.ingredients.entity;

import com.forno.pizzeria.platform.persistence.Coded;
import java.util.Optional;

/** The base unit an ingredient is counted in; every quantity of it is a whole number of these. */
public enum Unit implements Coded {
    GRAM("g"), MILLILITRE("ml"), UNIT("unit");

    /** What the API accepts, for validation messages and patterns. */
    public static final String PATTERN = "g|ml|unit";

    private final String value;

    Unit(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<Unit> of(String value) {
        return Coded.of(Unit.class, value);
    }
}
