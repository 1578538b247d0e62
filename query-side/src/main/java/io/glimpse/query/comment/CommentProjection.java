package io.glimpse.query.comment;

import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.comment.CommentEvent.CommentEdited;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.post.PostProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Comments and the comment counters on posts. Shares the posts projection's processor: the
 * counters live on the post rows, so both rebuild together and see events in one order (the posts
 * projection's reset and post deletions empty the comment tables too).
 */
@Component
@ProcessingGroup(PostProjection.NAME)
class CommentProjection {

    private final CommentViewRepository comments;

    CommentProjection(CommentViewRepository comments) {
        this.comments = comments;
    }

    @EventHandler
    void on(CommentAdded event, @Timestamp Instant at) {
        comments.add(event.commentId(), event.postId(), event.authorId(), event.text(), at);
    }

    @EventHandler
    void on(CommentEdited event, @Timestamp Instant at) {
        comments.edit(event.commentId(), event.text(), at);
    }

    @EventHandler
    void on(CommentDeleted event) {
        comments.delete(event.commentId(), event.postId());
    }

    @EventHandler
    void on(UserDeleted event) {
        comments.deleteAllBy(event.userId());
    }
}
