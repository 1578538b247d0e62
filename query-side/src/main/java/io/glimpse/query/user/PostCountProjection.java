package io.glimpse.query.user;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code postsCount} on profiles. In the users projection's processor, which owns the profile
 * rows: a replay of that processor rebuilds the count with the row.
 */
@Component
@ProcessingGroup(UserProjection.NAME)
class PostCountProjection {

    private final UserWriter writer;

    PostCountProjection(UserWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(PostCreated event) {
        adjust(event.authorId(), +1);
    }

    @EventHandler
    void on(PostDeleted event) {
        adjust(event.authorId(), -1);
    }

    private void adjust(java.util.UUID userId, int delta) {
        writer.record(new UserChange.PostsCounted(userId, delta));
    }
}
