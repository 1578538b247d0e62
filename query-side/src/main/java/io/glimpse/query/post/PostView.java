package io.glimpse.query.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post as the posts read model holds it, with its author's current profile and whether the viewer likes it. */
public record PostView(UUID id,
                       AuthorView author,
                       String caption,
                       List<String> tags,
                       List<MediaView> media,
                       long likesCount,
                       long commentsCount,
                       boolean likedByMe,
                       Instant createdAt,
                       Instant editedAt) {

    public record AuthorView(UUID id, String username, String displayName, String avatarUrl) {
    }
}
