package com.forno.pizzeria.platform.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * Stores a {@link Coded} enum as its code, so the database reads like the API. Each enum has its converter, a
 * subclass that names it; the subclass also declares {@code implements AttributeConverter<TheEnum, String>}, since
 * the JPA provider reads the converted types from the converter class's own declaration.
 */
public abstract class CodeConverter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodeConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E constant) {
        return constant == null ? null : constant.value();
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : Coded.of(type, value).orElseThrow(() -> new IllegalStateException(
                "unknown " + type.getSimpleName().toLowerCase(Locale.ROOT) + " " + value));
    }
}
