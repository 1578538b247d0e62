package io.glimpse.command.like;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Likes; each names the aggregate of its (post or comment, user) pair. */
public final class LikeCommands {

    private LikeCommands() {
    }

    public record LikePost(UUID postId, UUID userId) {
        @TargetAggregateIdentifier
        public String likeId() {
            return PostLike.idOf(postId, userId);
        }
    }

    public record UnlikePost(UUID postId, UUID userId) {
        @TargetAggregateIdentifier
        public String likeId() {
            return PostLike.idOf(postId, userId);
        }
    }

    /** {@code postId} is the post the caller believes the comment is on: another one is a 404. */
    public record LikeComment(UUID postId, UUID commentId, UUID userId) {
        @TargetAggregateIdentifier
        public String likeId() {
            return CommentLike.idOf(commentId, userId);
        }
    }

    public record UnlikeComment(UUID postId, UUID commentId, UUID userId) {
        @TargetAggregateIdentifier
        public String likeId() {
            return CommentLike.idOf(commentId, userId);
        }
    }
}
