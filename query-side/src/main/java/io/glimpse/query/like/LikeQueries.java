package io.glimpse.query.like;

import io.glimpse.query.paging.Cursor;

import java.util.UUID;

public final class LikeQueries {

    private LikeQueries() {
    }

    /** Who liked a post, newest first; answered with a {@code ViewedUserPage}. */
    public record ListPostLikers(UUID postId, UUID viewerId, Cursor after, int limit) {
    }
}
