package com.forno.pizzeria.orders;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of a table-driven test that tries everything against everything: every pair of two lists of values. */
public final class EveryPair {

    private EveryPair() {
    }

    public static Stream<Arguments> of(Object[] firsts, Object[] seconds) {
        return Arrays.stream(firsts)
                .flatMap(first -> Arrays.stream(seconds).map(second -> Arguments.of(first, second)));
    }
}
