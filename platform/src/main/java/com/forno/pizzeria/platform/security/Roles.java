package com.forno.pizzeria.platform.security;

/** The roles a token's {@code groups} claim can carry (MicroProfile JWT maps groups to roles one to one). */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String KITCHEN = "kitchen";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
