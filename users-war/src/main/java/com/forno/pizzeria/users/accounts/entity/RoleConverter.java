package com.forno.pizzeria.users.accounts.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role as its API spelling, so the database reads like the API ({@code 'customer'}). */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.value();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.of(value).orElseThrow(() -> new IllegalStateException("unknown role " + value));
    }
}
