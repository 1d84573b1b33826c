package com.forno.pizzeria.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, how many there are in all, and the window asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    /** The hard maximum page size of every list of the platform. */
    public static final int MAX_LIMIT = 100;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, limit, offset);
    }
}
