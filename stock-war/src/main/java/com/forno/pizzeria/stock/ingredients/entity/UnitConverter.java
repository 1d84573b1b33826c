package com.forno.pizzeria.stock.ingredients.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a unit as its API spelling ({@code 'g'}), so the database reads like the API. */
@Converter
public class UnitConverter implements AttributeConverter<Unit, String> {

    @Override
    public String convertToDatabaseColumn(Unit unit) {
        return unit == null ? null : unit.value();
    }

    @Override
    public Unit convertToEntityAttribute(String value) {
        return value == null ? null : Unit.of(value).orElseThrow(() -> new IllegalStateException("unknown unit " + value));
    }
}
