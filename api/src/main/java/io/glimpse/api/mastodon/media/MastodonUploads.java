package io.glimpse.api.mastodon.media;

import io.glimpse.adapters.media.ImageProcessor;
import io.glimpse.adapters.media.Rendition;
import io.glimpse.adapters.media.Renditions;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.media.UploadedImages;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.media.MediaKeys;
import io.glimpse.query.media.MediaStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Mastodon's two-step media: upload first ({@code POST /api/v2/media}), post later with
 * {@code media_ids}. Glimpse's posts take their images with them, so an upload is checked and
 * staged here exactly as {@code POST /api/posts} stages one ({@link UploadedImages}), and its id
 * becomes the post's media id when a status names it; the media worker then makes the post's
 * renditions as for any post. Meanwhile the client wants to see its upload ready: previews are
 * made in the background under {@code users/<owner>/uploads/<id>/} (removed with the account),
 * with the BlurHash, and {@code GET /api/v1/media/:id} answers 206 until they exist.
 */
@Component
public class MastodonUploads {

    private static final Logger log = LoggerFactory.getLogger(MastodonUploads.class);
    private static final String COLUMNS = "id, owner_id, content_type, width, height, description, state, feed_key, "
            + "thumbnail_key, display_key, preview_width, preview_height, blurhash, status_id";

    private final UploadedImages uploads;
    private final ImageProcessor images;
    private final MediaStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService previews = Executors.newFixedThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "mastodon-media-previews");
        thread.setDaemon(true);
        return thread;
    });

    MastodonUploads(UploadedImages uploads, ImageProcessor images, MediaStore store, JdbcClient jdbc, Clock clock) {
        this.uploads = uploads;
        this.images = images;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks and stages the image (415, 413 or 400 when it is no acceptable image), then previews it in the background. */
    public Upload create(UUID ownerId, MultipartFile file, String description) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
        MediaAttachment staged = uploads.stage(file);
        jdbc.sql("insert into mastodon_media (id, owner_id, content_type, width, height, description, state, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(staged.mediaId(), ownerId, staged.contentType(), staged.width(), staged.height(), description,
                        Upload.State.PROCESSING.name(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        previews.submit(() -> preview(ownerId, staged.mediaId(), bytes));
        return find(staged.mediaId()).orElseThrow();
    }

    private void preview(UUID ownerId, UUID mediaId, byte[] original) {
        try {
            Renditions renditions = images.renditions(original);
            String prefix = MediaKeys.user(ownerId) + "uploads/" + mediaId + "/";
            put(prefix + MediaKeys.FEED + ".jpg", renditions.feed());
            put(prefix + MediaKeys.THUMBNAIL + ".jpg", renditions.thumbnail());
            put(prefix + MediaKeys.DISPLAY + ".jpg", renditions.display());
            String blurhash = Blurhash.encode(ImageIO.read(new ByteArrayInputStream(renditions.feed().bytes())), 4, 3);
            jdbc.sql("""
                            update mastodon_media set state = ?, feed_key = ?, thumbnail_key = ?, display_key = ?,
                                   preview_width = ?, preview_height = ?, blurhash = ? where id = ?""")
                    .params(Upload.State.READY.name(), prefix + MediaKeys.FEED + ".jpg",
                            prefix + MediaKeys.THUMBNAIL + ".jpg", prefix + MediaKeys.DISPLAY + ".jpg",
                            renditions.display().width(), renditions.display().height(), blurhash, mediaId)
                    .update();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not preview upload {}: {}", mediaId, e.toString());
            jdbc.sql("update mastodon_media set state = ? where id = ?").params(Upload.State.FAILED.name(), mediaId)
                    .update();
        }
    }

    private void put(String key, Rendition rendition) {
        store.put(key, rendition.bytes(), "image/jpeg");
    }

    public Optional<Upload> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mastodon_media where id = ?").param(id)
                .query(MastodonUploads::row).optional();
    }

    /** The caller's own upload; anyone else's is not there for them. */
    public Optional<Upload> findOwn(UUID id, UUID ownerId) {
        return find(id).filter(upload -> upload.ownerId().equals(ownerId));
    }

    public Map<UUID, Upload> findAll(Collection<UUID> ids) {
        Map<UUID, Upload> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + COLUMNS + " from mastodon_media where id in (:ids)").param("ids", ids)
                    .query(MastodonUploads::row).list().forEach(upload -> found.put(upload.id(), upload));
        }
        return found;
    }

    public void describe(UUID id, String description) {
        jdbc.sql("update mastodon_media set description = ? where id = ?").params(description, id).update();
    }

    /**
     * Claims the uploads for a status, each at most once: a staged image becomes one post's
     * image, and the media worker removes it from staging afterwards.
     *
     * @return the uploads as the post's attachments, in the given order
     */
    public List<MediaAttachment> attach(List<UUID> ids, UUID ownerId, UUID statusId) {
        return ids.stream().map(id -> {
            int claimed = jdbc.sql("update mastodon_media set status_id = ? where id = ? and owner_id = ? "
                            + "and status_id is null and state <> ?")
                    .params(statusId, id, ownerId, Upload.State.FAILED.name()).update();
            if (claimed == 0) {
                throw MastodonException.unprocessable("Validation failed: media " + id + " is not an upload of yours waiting for a status");
            }
            Upload upload = find(id).orElseThrow();
            return new MediaAttachment(id, upload.contentType(), upload.width(), upload.height());
        }).toList();
    }

    /** Gives the uploads back when the status could not be made. */
    public void release(List<UUID> ids, UUID statusId) {
        if (!ids.isEmpty()) {
            jdbc.sql("update mastodon_media set status_id = null where status_id = :status and id in (:ids)")
                    .param("status", statusId).param("ids", ids).update();
        }
    }

    public String url(String key) {
        return key == null ? null : store.publicUrl(key);
    }

    private static Upload row(ResultSet rs, int row) throws SQLException {
        return new Upload(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getInt(5), rs.getString(6), Upload.State.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getString(10), (Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getString(13),
                rs.getObject(14, UUID.class));
    }

    @PreDestroy
    void stop() {
        previews.shutdownNow();
    }
}
