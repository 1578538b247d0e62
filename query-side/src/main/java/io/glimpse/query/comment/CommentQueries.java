package io.glimpse.query.comment;

import io.glimpse.query.paging.Cursor;

import java.util.List;
import java.util.UUID;

/**
 * Queries on comments. Comments whose author blocks the viewer or is blocked by the viewer are
 * left out; {@code viewerId} is {@code null} for anonymous viewers. The post's own visibility is
 * checked by the caller.
 */
public final class CommentQueries {

    private CommentQueries() {
    }

    /** Oldest first, as conversations read. */
    public record ListComments(UUID postId, UUID viewerId, Cursor after, int limit) {
    }

    public record FindComment(UUID postId, UUID commentId, UUID viewerId) {
    }

    public record CommentPage(List<CommentView> items, String nextCursor) {
    }
}
