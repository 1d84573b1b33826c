package com.forno.pizzeria.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CodeConverterTest {

    /** Coded by its initial: {@code s}, {@code l}. */
    enum Size implements Coded {
        SMALL, LARGE;

        @Override
        public String value() {
            return name().substring(0, 1).toLowerCase(Locale.ROOT);
        }
    }

    static class SizeConverter extends CodeConverter<Size> {
        SizeConverter() {
            super(Size.class);
        }
    }

    @Test
    void storesAnEnumAsItsCodeAndReadsItBack() {
        SizeConverter converter = new SizeConverter();

        assertThat(converter.convertToDatabaseColumn(Size.LARGE)).isEqualTo("l");
        assertThat(converter.convertToEntityAttribute("s")).isEqualTo(Size.SMALL);
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void knowsOnlyTheCodesExactly() {
        assertThat(Coded.of(Size.class, "l")).contains(Size.LARGE);
        assertThat(Coded.of(Size.class, "LARGE")).as("not the constant's name").isEmpty();
        assertThat(Coded.of(Size.class, "L")).as("not another case").isEmpty();
        assertThatThrownBy(() -> new SizeConverter().convertToEntityAttribute("xl"))
                .isInstanceOf(IllegalStateException.class).hasMessage("unknown size xl");
    }
}
