package io.glimpse.api.web;

/** The {@code limit} of a cursor-paginated list: 20 by default, at most 100. */
public final class PageLimit {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int of(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return Math.min(requested, MAX);
    }
}
