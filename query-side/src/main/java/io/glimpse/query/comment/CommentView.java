package io.glimpse.query.comment;

import io.glimpse.query.post.PostView.AuthorView;

import java.time.Instant;
import java.util.UUID;

/** A comment with its author's current profile and whether the viewer likes it. */
public record CommentView(UUID id, UUID postId, AuthorView author, String text, long likesCount, boolean likedByMe,
                          Instant createdAt, Instant editedAt) {
}
