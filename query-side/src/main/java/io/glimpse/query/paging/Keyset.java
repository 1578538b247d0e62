package io.glimpse.query.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Cuts a page out of rows fetched with one row more than the page holds. */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param rows     up to {@code limit + 1} rows in list order
     * @param limit    the page size
     * @param position the (time, id) each row is ordered by
     * @return the page's rows and the cursor of the next page, {@code null} on the last one
     */
    public static <T> Slice<T> slice(List<T> rows, int limit, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Slice<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        return new Slice<>(List.copyOf(page), position.apply(page.get(limit - 1)).encode());
    }

    public record Slice<T>(List<T> items, String nextCursor) {
    }

    /** For the first page: a position before every real one in an oldest-first list. */
    public static Cursor startOfOldestFirst() {
        return new Cursor(Instant.parse("0001-01-01T00:00:00Z"), new UUID(0, 0));
    }

    /** For the first page: a position after every real one in a newest-first list. */
    public static Cursor startOfNewestFirst() {
        return new Cursor(Instant.parse("9999-12-31T23:59:59Z"), new UUID(-1L, -1L));
    }
}
