package com.forno.pizzeria.users.accounts.entity;

import com.forno.pizzeria.platform.persistence.CodeConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role as its API spelling, so the database reads like the API ({@code 'customer'}). */
@Converter
public class RoleConverter extends CodeConverter<Role> implements AttributeConverter<Role, String> {

    public RoleConverter() {
        super(Role.class);
    }
}
