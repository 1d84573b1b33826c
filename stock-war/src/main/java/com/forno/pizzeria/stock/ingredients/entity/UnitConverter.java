package com.forno.pizzeria.stock.ingredients.entity;

import com.forno.pizzeria.platform.persistence.CodeConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a unit as its API spelling ({@code 'g'}), so the database reads like the API. */
@Converter
public class UnitConverter extends CodeConverter<Unit> implements AttributeConverter<Unit, String> {

    public UnitConverter() {
        super(Unit.class);
    }
}
