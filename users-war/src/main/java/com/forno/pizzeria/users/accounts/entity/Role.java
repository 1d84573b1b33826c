package com.forno.pizzeria.users.accounts.entity;

import com.forno.pizzeria.platform.persistence.Coded;
import com.forno.pizzeria.platform.security.Roles;
import java.util.Optional;

/** What a user may do; its {@link #value()} is the token's group and the API's spelling. */
public enum Role implements Coded {
    CUSTOMER(Roles.CUSTOMER),
    KITCHEN(Roles.KITCHEN),
    ADMIN(Roles.ADMIN);

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static Optional<Role> of(String value) {
        return Coded.of(Role.class, value);
    }
}
