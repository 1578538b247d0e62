package io.glimpse.query.post;

import java.util.UUID;

/**
 * One image of a post. The URLs are set once its renditions are stored ({@code READY}):
 * {@code url} the 1080px feed image, {@code originalUrl} the up-to-2048px one, {@code thumbnailUrl}
 * the square grid thumbnail.
 */
public record MediaView(UUID id, String url, String originalUrl, String thumbnailUrl, int width, int height,
                        String contentType, Status status) {

    public enum Status { PROCESSING, READY, FAILED }
}
