package com.forno.pizzeria.stock.menu.entity;

/** Where an item sits on the menu. */
public enum Category {
    PIZZA, DRINK, DESSERT, SIDE;

    public static final String PATTERN = "PIZZA|DRINK|DESSERT|SIDE";
}
