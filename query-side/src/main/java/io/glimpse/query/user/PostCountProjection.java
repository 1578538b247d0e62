package io.glimpse.query.user;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.query.counter.Counter;
import io.glimpse.query.counter.Counters;
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

    private final Counters counters;

    PostCountProjection(Counters counters) {
        this.counters = counters;
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
        counters.add(POSTS, userId, delta);
    }
}
