package io.glimpse.api.mastodon.media;

import java.util.UUID;

/**
 * An image uploaded through {@code POST /api/v2/media}, before and after a status shows it. Its
 * id is the Glimpse media id the post will carry.
 *
 * @param displayKey the largest preview rendition's key, {@code null} while processing
 * @param statusId   the status it was attached to, or {@code null} while it waits for one
 */
public record Upload(UUID id, UUID ownerId, String contentType, int width, int height, String description,
                     State state, String feedKey, String thumbnailKey, String displayKey, Integer previewWidth,
                     Integer previewHeight, String blurhash, UUID statusId) {

    public enum State { PROCESSING, READY, FAILED }
}
