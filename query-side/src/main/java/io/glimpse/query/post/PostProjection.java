package io.glimpse.query.post;

import io.glimpse.events.post.PostEvent.MediaProcessed;
import io.glimpse.events.post.PostEvent.MediaProcessingFailed;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.media.MediaKeys;
import io.glimpse.query.media.MediaStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds the posts read model: posts, their tags, and their images' processing state and URLs. */
@Component
@ProcessingGroup(PostProjection.NAME)
public class PostProjection {

    public static final String NAME = "posts-projection";

    private final PostViewRepository posts;
    private final MediaStore mediaStore;

    PostProjection(PostViewRepository posts, MediaStore mediaStore) {
        this.posts = posts;
        this.mediaStore = mediaStore;
    }

    @EventHandler
    void on(PostCreated event, @Timestamp Instant createdAt) {
        posts.insert(event.postId(), event.authorId(), event.caption(), event.tags(), event.media(), createdAt);
    }

    @EventHandler
    void on(PostEdited event, @Timestamp Instant editedAt) {
        posts.edit(event.postId(), event.caption(), event.tags(), editedAt);
    }

    @EventHandler
    void on(MediaProcessed event) {
        posts.mediaReady(event.mediaId(),
                url(event, MediaKeys.FEED), url(event, MediaKeys.DISPLAY), url(event, MediaKeys.THUMBNAIL),
                event.width(), event.height());
    }

    private String url(MediaProcessed event, String rendition) {
        return mediaStore.publicUrl(MediaKeys.rendition(event.authorId(), event.postId(), event.mediaId(), rendition));
    }

    @EventHandler
    void on(MediaProcessingFailed event) {
        posts.mediaFailed(event.mediaId(), event.reason());
    }

    @EventHandler
    void on(PostDeleted event) {
        posts.delete(event.postId());
    }

    /** A deleted account's posts disappear with it. */
    @EventHandler
    void on(UserDeleted event) {
        posts.deleteAllOf(event.userId());
    }

    @ResetHandler
    void reset() {
        posts.deleteAll();
    }
}
