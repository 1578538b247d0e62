package io.glimpse.query.post;

import io.glimpse.events.post.MediaAttachment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change to the posts processor's read model (posts with their tags and media, comments, likes
 * and the counters on posts and comments), recorded by its handlers and applied by
 * {@link PostWriter} when their batch commits.
 */
public sealed interface PostChange {

    /** What a like is of: where its likers and its counter are kept. */
    enum Target {
        POST("post_like", "post_id", "post_view"),
        COMMENT("comment_like", "comment_id", "comment_view");

        final String likes;
        final String key;
        final String counted;

        Target(String likes, String key, String counted) {
            this.likes = likes;
            this.key = key;
            this.counted = counted;
        }
    }

    record Created(UUID postId, UUID authorId, String caption, List<String> tags, List<MediaAttachment> media,
                   Instant at) implements PostChange {
    }

    record Edited(UUID postId, String caption, List<String> tags, Instant at) implements PostChange {
    }

    record MediaReady(UUID mediaId, String url, String originalUrl, String thumbnailUrl, int width, int height)
            implements PostChange {
    }

    record MediaFailed(UUID mediaId, String reason) implements PostChange {
    }

    /** The post goes with its tags, images, comments and likes. */
    record Deleted(UUID postId) implements PostChange {
    }

    /** A deleted account's posts go, as {@link Deleted} each. */
    record AuthorGone(UUID userId) implements PostChange {
    }

    record CommentAdded(UUID commentId, UUID postId, UUID authorId, String text, Instant at) implements PostChange {
    }

    record CommentEdited(UUID commentId, String text, Instant at) implements PostChange {
    }

    /** The comment goes with its likes. */
    record CommentDeleted(UUID commentId, UUID postId) implements PostChange {
    }

    /** A deleted account's comments go, and with them their share of every post's count. */
    record CommenterGone(UUID userId) implements PostChange {
    }

    record Liked(Target target, UUID likedId, UUID userId, Instant at) implements PostChange {
    }

    record Unliked(Target target, UUID likedId, UUID userId) implements PostChange {
    }

    /** A deleted account's likes go, and with them their share of every counter. */
    record LikerGone(UUID userId) implements PostChange {
    }
}
