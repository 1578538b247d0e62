package io.glimpse.api.post;

import io.glimpse.query.post.MediaView;
import io.glimpse.query.post.PostView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The Post object of the API contract. */
public record PostResponse(UUID id,
                           UserSummary author,
                           String caption,
                           List<String> tags,
                           List<MediaResponse> media,
                           long likesCount,
                           long commentsCount,
                           boolean likedByMe,
                           Instant createdAt,
                           Instant editedAt) {

    /** The UserSummary object of the API contract. */
    public record UserSummary(UUID id, String username, String displayName, String avatarUrl) {

        public static UserSummary of(PostView.AuthorView author) {
            return new UserSummary(author.id(), author.username(), author.displayName(), author.avatarUrl());
        }
    }

    /**
     * @param url          the feed image (at most 1080 px wide), once READY
     * @param originalUrl  the largest stored image (at most 2048 px on its longest side), once READY
     * @param thumbnailUrl the square grid thumbnail, once READY
     */
    public record MediaResponse(UUID id, String url, String originalUrl, String thumbnailUrl, int width, int height,
                                String contentType, MediaView.Status status) {
    }

    public static PostResponse of(PostView post) {
        return new PostResponse(post.id(), UserSummary.of(post.author()), post.caption(), post.tags(),
                post.media().stream().map(m -> new MediaResponse(m.id(), m.url(), m.originalUrl(), m.thumbnailUrl(),
                        m.width(), m.height(), m.contentType(), m.status())).toList(),
                post.likesCount(), post.commentsCount(), post.likedByMe(), post.createdAt(), post.editedAt());
    }
}
