package com.forno.pizzeria.stock.ingredients.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A nullable {@code uuid} column, passed through as is. EclipseLink 4.0's built-in UUID converter throws a
 * NullPointerException reading a NULL (UUIDConverter.convertDataValueToObjectValue); the PostgreSQL driver reads and
 * writes {@link UUID} itself, so this converter only keeps EclipseLink's out of the way.
 */
@Converter
public class OptionalUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
