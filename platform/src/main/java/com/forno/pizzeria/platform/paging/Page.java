package com.forno.pizzeria.platform.paging;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, how many there are in all, and the window asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    /** The hard maximum page size of every list of the platform. */
    public static final int MAX_LIMIT = 100;

    /** The page at {@code offset} of what {@code items} selects (in its order), and the total {@code count} counts. */
    public static <T> Page<T> of(TypedQuery<Long> count, TypedQuery<T> items, int limit, int offset) {
        long total = count.getSingleResult();
        return new Page<>(items.setFirstResult(offset).setMaxResults(limit).getResultList(), total, limit, offset);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, limit, offset);
    }
}
