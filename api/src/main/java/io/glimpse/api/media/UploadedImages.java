package io.glimpse.api.media;

import io.glimpse.adapters.media.ImageInfo;
import io.glimpse.adapters.media.ImageInspector;
import io.glimpse.adapters.media.ImageProcessor;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.media.MediaKeys;
import io.glimpse.query.media.MediaStore;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Takes uploads in. The checks that must answer the request (is it an image of an accepted type,
 * by its bytes; is it within the pixel limit, by its header) run here before anything is decoded;
 * the expensive work happens later in the {@link MediaWorker}. Post images wait in staging,
 * where nobody can fetch them, until their metadata-free renditions exist.
 */
@Component
public class UploadedImages {

    private final ImageInspector inspector;
    private final ImageProcessor processor;
    private final MediaStore store;

    UploadedImages(ImageInspector inspector, ImageProcessor processor, MediaStore store) {
        this.inspector = inspector;
        this.processor = processor;
        this.store = store;
    }

    /** Checks an image for a post and keeps it for the media worker. */
    public MediaAttachment stage(MultipartFile file) {
        byte[] bytes = bytesOf(file);
        ImageInfo info = inspector.inspect(bytes);
        UUID mediaId = UUID.randomUUID();
        store.put(MediaKeys.staging(mediaId), bytes, info.format().contentType());
        return new MediaAttachment(mediaId, info.format().contentType(), info.width(), info.height());
    }

    /** Checks an avatar and stores its square rendition at once: it is small, and the profile shows it next. */
    public String storeAvatar(UUID userId, MultipartFile file) {
        byte[] bytes = bytesOf(file);
        inspector.inspect(bytes);
        String key = MediaKeys.avatar(userId, UUID.randomUUID());
        store.put(key, processor.renditions(bytes).thumbnail().bytes(), "image/jpeg");
        return key;
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }
}
