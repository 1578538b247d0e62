package io.glimpse.query.notification;

import io.glimpse.query.post.PostView.AuthorView;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification as its recipient sees it.
 *
 * @param post    the post it is about, with its first image's thumbnail, or {@code null}
 * @param comment the comment it is about, or {@code null}
 */
public record NotificationView(UUID id, Type type, AuthorView actor, PostRef post, CommentRef comment,
                               Instant createdAt, boolean read) {

    public enum Type { FOLLOW, LIKE, COMMENT, COMMENT_LIKE, MENTION }

    public record PostRef(UUID id, String thumbnailUrl) {
    }

    public record CommentRef(UUID id, String text) {
    }
}
