package io.glimpse.api.mastodon.media;

import io.glimpse.api.mastodon.web.BaseUrl;
import io.glimpse.query.post.MediaView;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Glimpse's images as Mastodon media attachments: {@code url} the largest rendition (up to
 * 2048 px), {@code preview_url} the square thumbnail. A post's image still being processed shows
 * its upload's previews when it came through {@code /api/v2/media}, else no URL yet.
 */
@Component
public class MediaMapper {

    private final MastodonUploads uploads;

    MediaMapper(MastodonUploads uploads) {
        this.uploads = uploads;
    }

    public MastodonMedia of(Upload upload) {
        boolean ready = upload.state() == Upload.State.READY;
        return MastodonMedia.image(upload.id().toString(),
                ready ? BaseUrl.absolute(uploads.url(upload.displayKey())) : null,
                ready ? BaseUrl.absolute(uploads.url(upload.thumbnailKey())) : null,
                ready ? new MastodonMedia.Size(upload.previewWidth(), upload.previewHeight())
                        : new MastodonMedia.Size(upload.width(), upload.height()),
                ready ? new MastodonMedia.Size(Math.min(320, upload.previewWidth()), Math.min(320, upload.previewHeight()))
                        : null,
                upload.description(), upload.blurhash());
    }

    /** The uploads behind these post images, to be passed to {@link #of(MediaView, Map)}. */
    public Map<UUID, Upload> uploadsOf(Collection<UUID> mediaIds) {
        return uploads.findAll(mediaIds);
    }

    public MastodonMedia of(MediaView media, Map<UUID, Upload> uploadsById) {
        Upload upload = uploadsById.get(media.id());
        String description = upload == null ? null : upload.description();
        String blurhash = upload == null ? null : upload.blurhash();
        if (media.status() != MediaView.Status.READY) {
            if (upload != null && upload.state() == Upload.State.READY) {
                return of(upload);
            }
            return MastodonMedia.image(media.id().toString(), null, null,
                    new MastodonMedia.Size(media.width(), media.height()), null, description, blurhash);
        }
        int side = Math.min(320, Math.min(media.width(), media.height()));
        return MastodonMedia.image(media.id().toString(), BaseUrl.absolute(media.originalUrl()),
                BaseUrl.absolute(media.thumbnailUrl()), new MastodonMedia.Size(media.width(), media.height()),
                new MastodonMedia.Size(side, side), description, blurhash);
    }

    public List<MastodonMedia> of(List<MediaView> media, Map<UUID, Upload> uploadsById) {
        return media.stream().map(item -> of(item, uploadsById)).toList();
    }
}
