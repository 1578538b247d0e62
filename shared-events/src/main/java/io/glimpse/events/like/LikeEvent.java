package io.glimpse.events.like;

import java.util.UUID;

/**
 * Likes of posts and comments. Each (post or comment, user) pair is its own small aggregate, so
 * no aggregate holds all the likers of anything.
 */
public sealed interface LikeEvent {

    UUID userId();

    record PostLiked(UUID postId, UUID postAuthorId, UUID userId) implements LikeEvent {
    }

    record PostUnliked(UUID postId, UUID postAuthorId, UUID userId) implements LikeEvent {
    }

    record CommentLiked(UUID commentId, UUID postId, UUID commentAuthorId, UUID userId) implements LikeEvent {
    }

    record CommentUnliked(UUID commentId, UUID postId, UUID commentAuthorId, UUID userId) implements LikeEvent {
    }
}
