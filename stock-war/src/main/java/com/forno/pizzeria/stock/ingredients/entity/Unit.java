package com.forno.pizzeria.stock.ingredients.entity;

import java.util.Arrays;
import java.util.Optional;

/** The base unit an ingredient is counted in; every quantity of it is a whole number of these. */
public enum Unit {
    GRAM("g"), MILLILITRE("ml"), UNIT("unit");

    /** What the API accepts, for validation messages and patterns. */
    public static final String PATTERN = "g|ml|unit";

    private final String value;

    Unit(String value) {
        this.value = value;
    }

    /** The API's and the database's spelling. */
    public String value() {
        return value;
    }

    public static Optional<Unit> of(String value) {
        return Arrays.stream(values()).filter(u -> u.value.equals(value)).findFirst();
    }
}
