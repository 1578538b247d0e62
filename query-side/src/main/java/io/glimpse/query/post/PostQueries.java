package io.glimpse.query.post;

import io.glimpse.query.paging.Cursor;

import java.util.List;
import java.util.UUID;

/**
 * Queries on posts. A post is invisible to a viewer when its author blocks the viewer or the
 * viewer blocks its author, and when its author's account is gone; {@code viewerId} is
 * {@code null} for anonymous viewers.
 */
public final class PostQueries {

    private PostQueries() {
    }

    public record FindPost(UUID postId, UUID viewerId) {
    }

    /** The author's posts, newest first. */
    public record ListUserPosts(UUID authorId, UUID viewerId, Cursor after, int limit) {
    }

    public record PostPage(List<PostView> items, String nextCursor) {
    }
}
