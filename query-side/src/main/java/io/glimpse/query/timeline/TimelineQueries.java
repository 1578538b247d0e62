package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;

import java.util.UUID;

public final class TimelineQueries {

    private TimelineQueries() {
    }

    /** The viewer's home timeline, newest first; answered with a {@code PostPage}. */
    public record ReadTimeline(UUID viewerId, Cursor after, int limit) {
    }
}
