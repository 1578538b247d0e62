package io.glimpse.api.mastodon.media;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mastodon's MediaAttachment entity. Glimpse takes images only, so {@code type} is always
 * {@code image}; nothing is remote, so the remote URLs are {@code null}. {@code url} is
 * {@code null} while the image is processed, as in Mastodon.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MastodonMedia(String id, String type, String url, String previewUrl, String remoteUrl,
                            String previewRemoteUrl, String textUrl, Map<String, Object> meta, String description,
                            String blurhash) {

    static MastodonMedia image(String id, String url, String previewUrl, Size original, Size small, String description,
                               String blurhash) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (original != null) {
            meta.put("original", original.meta());
        }
        if (small != null) {
            meta.put("small", small.meta());
        }
        return new MastodonMedia(id, "image", url, previewUrl, null, null, null, meta, description, blurhash);
    }

    record Size(int width, int height) {

        Map<String, Object> meta() {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("width", width);
            meta.put("height", height);
            meta.put("size", width + "x" + height);
            meta.put("aspect", height == 0 ? 1.0 : (double) width / height);
            return meta;
        }
    }
}
