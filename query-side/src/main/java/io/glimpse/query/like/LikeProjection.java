package io.glimpse.query.like;

import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.CommentUnliked;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.post.PostChange.Target;
import io.glimpse.query.post.PostProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Likes of posts and comments and their counters. In the posts projection's processor, which owns
 * the rows the counters live on (its reset and post deletions empty the like tables too).
 */
@Component
@ProcessingGroup(PostProjection.NAME)
class LikeProjection {

    private final LikeRepository likes;

    LikeProjection(LikeRepository likes) {
        this.likes = likes;
    }

    @EventHandler
    void on(PostLiked event, @Timestamp Instant at) {
        likes.like(Target.POST, event.postId(), event.userId(), at);
    }

    @EventHandler
    void on(PostUnliked event) {
        likes.unlike(Target.POST, event.postId(), event.userId());
    }

    @EventHandler
    void on(CommentLiked event, @Timestamp Instant at) {
        likes.like(Target.COMMENT, event.commentId(), event.userId(), at);
    }

    @EventHandler
    void on(CommentUnliked event) {
        likes.unlike(Target.COMMENT, event.commentId(), event.userId());
    }

    @EventHandler
    void on(UserDeleted event) {
        likes.deleteAllBy(event.userId());
    }
}
