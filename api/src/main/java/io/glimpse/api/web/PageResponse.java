package io.glimpse.api.web;

import java.util.List;
import java.util.function.Function;

/** A cursor-paginated list: {@code nextCursor} is {@code null} on the last page. */
public record PageResponse<T>(List<T> items, String nextCursor) {

    public static <V, T> PageResponse<T> of(List<V> items, String nextCursor, Function<V, T> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
