package io.glimpse.query.user;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code postsCount} on profiles. In the users projection's processor, which owns the profile
 * rows: a replay of that processor rebuilds the count with the row.
 */
@Component
@ProcessingGroup(UserProjection.NAME)
class PostCountProjection {

    private final JdbcClient jdbc;

    PostCountProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        jdbc.sql("update user_view set posts_count = posts_count + ? where id = ?").params(delta, userId).update();
    }
}
