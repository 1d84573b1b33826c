package com.forno.pizzeria.platform.persistence;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum spoken as a code of its own rather than its constant's name ({@code g} for {@code GRAM}): the API and
 * the database both use the code. {@link CodeConverter} stores it so.
 */
public interface Coded {

    /** The API's and the database's spelling. */
    String value();

    /** The constant of {@code type} spelled {@code value}, exactly (no other case, no constant name). */
    static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.value().equals(value)).findFirst();
    }
}
