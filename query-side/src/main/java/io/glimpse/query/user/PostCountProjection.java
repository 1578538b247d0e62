package io.glimpse.query.user;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.query.batch.BatchedWrites;
import io.glimpse.query.batch.Counter;
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

    private static final Counter POSTS = new Counter("user_view", "posts_count");

    private final BatchedWrites writes;

    PostCountProjection(BatchedWrites writes) {
        this.writes = writes;
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
        writes.add(POSTS, userId, delta);
    }
}
