package io.glimpse.api.media;

import io.glimpse.adapters.media.ImageProcessor;
import io.glimpse.adapters.media.Rendition;
import io.glimpse.adapters.media.Renditions;
import io.glimpse.command.post.PostCommands.CompleteMediaProcessing;
import io.glimpse.command.post.PostCommands.FailMediaProcessing;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.user.UserEvent.UserAvatarChanged;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.media.MediaKeys;
import io.glimpse.query.media.MediaStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.UUID;

/**
 * Makes the renditions of uploaded images after their post is stored, and removes files nobody
 * needs any more. An event processor of its own: the upload's request never waits for it, and a
 * replay never redoes its work. An image that still fails after {@value #ATTEMPTS} attempts is
 * reported as FAILED with the reason, instead of holding up every later upload.
 */
@Component
@DisallowReplay
@ProcessingGroup("media-worker")
class MediaWorker {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(MediaWorker.class);

    private final MediaStore store;
    private final ImageProcessor images;
    private final CommandGateway commands;

    MediaWorker(MediaStore store, ImageProcessor images, CommandGateway commands) {
        this.store = store;
        this.images = images;
        this.commands = commands;
    }

    @EventHandler
    void on(PostCreated event) {
        for (MediaAttachment media : event.media()) {
            process(event.authorId(), event.postId(), media.mediaId());
        }
    }

    private void process(UUID authorId, UUID postId, UUID mediaId) {
        String staged = MediaKeys.staging(mediaId);
        Exception lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Rendition feed = storeRenditions(authorId, postId, mediaId, staged);
                store.delete(staged);
                commands.sendAndWait(new CompleteMediaProcessing(postId, mediaId, feed.width(), feed.height()));
                return;
            } catch (RuntimeException e) {
                lastFailure = e;
                log.warn("Attempt {} of {} to process image {} of post {} failed: {}", attempt, ATTEMPTS, mediaId,
                        postId, e.toString());
            }
        }
        log.error("Image {} of post {} failed for good", mediaId, postId, lastFailure);
        store.delete(staged);
        commands.sendAndWait(new FailMediaProcessing(postId, mediaId, reason(lastFailure)));
    }

    private Rendition storeRenditions(UUID authorId, UUID postId, UUID mediaId, String staged) {
        Renditions renditions;
        try (InputStream original = store.open(staged)) {
            renditions = images.renditions(original.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        put(MediaKeys.rendition(authorId, postId, mediaId, MediaKeys.DISPLAY), renditions.display());
        put(MediaKeys.rendition(authorId, postId, mediaId, MediaKeys.FEED), renditions.feed());
        put(MediaKeys.rendition(authorId, postId, mediaId, MediaKeys.THUMBNAIL), renditions.thumbnail());
        return renditions.feed();
    }

    private void put(String key, Rendition rendition) {
        store.put(key, rendition.bytes(), "image/jpeg");
    }

    private static String reason(Exception failure) {
        String message = failure == null || failure.getMessage() == null ? "unknown error" : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @EventHandler
    void on(PostDeleted event) {
        store.deleteAll(MediaKeys.post(event.authorId(), event.postId()));
    }

    @EventHandler
    void on(UserAvatarChanged event) {
        if (event.previousAvatarKey() != null) {
            store.delete(event.previousAvatarKey());
        }
    }

    /** Every image an account uploaded: avatars and post images alike. */
    @EventHandler
    void on(UserDeleted event) {
        store.deleteAll(MediaKeys.user(event.userId()));
    }
}
