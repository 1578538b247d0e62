package io.glimpse.api.comment;

import io.glimpse.api.post.PostResponse.UserSummary;
import io.glimpse.query.comment.CommentView;

import java.time.Instant;
import java.util.UUID;

/** The Comment object of the API contract. */
public record CommentResponse(UUID id, UUID postId, UserSummary author, String text, long likesCount,
                              boolean likedByMe, Instant createdAt, Instant editedAt) {

    public static CommentResponse of(CommentView comment) {
        return new CommentResponse(comment.id(), comment.postId(), UserSummary.of(comment.author()), comment.text(),
                comment.likesCount(), comment.likedByMe(), comment.createdAt(), comment.editedAt());
    }
}
