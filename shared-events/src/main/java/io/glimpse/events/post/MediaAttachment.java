package io.glimpse.events.post;

import java.util.UUID;

/**
 * An image attached to a post, as uploaded: its format and size as read from the file's header.
 * The stored renditions are made from it asynchronously.
 */
public record MediaAttachment(UUID mediaId, String contentType, int width, int height) {
}
