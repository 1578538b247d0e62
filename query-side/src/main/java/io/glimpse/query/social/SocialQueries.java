package io.glimpse.query.social;

import io.glimpse.query.paging.Cursor;

import java.util.List;
import java.util.UUID;

/**
 * Queries on the social graph. {@code viewerId} may be {@code null} (anonymous); lists leave out
 * users who block the viewer.
 */
public final class SocialQueries {

    private SocialQueries() {
    }

    public record FindRelation(UUID viewerId, UUID userId) {
    }

    /** Who follows {@code userId}, newest follow first. */
    public record ListFollowers(UUID userId, UUID viewerId, Cursor after, int limit) {
    }

    /** Whom {@code userId} follows, newest follow first. */
    public record ListFollowing(UUID userId, UUID viewerId, Cursor after, int limit) {
    }

    /** Whom {@code blockerId} blocks, newest block first. */
    public record ListBlocked(UUID blockerId, Cursor after, int limit) {
    }

    public record ViewedUserPage(List<ViewedUser> items, String nextCursor) {
    }
}
