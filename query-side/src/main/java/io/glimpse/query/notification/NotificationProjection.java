package io.glimpse.query.notification;

import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.comment.CommentEvent.CommentEdited;
import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.CommentUnliked;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.notification.NotificationView.Type;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notifications. Each names who caused it and about which post or comment, so undoing the cause
 * (unlike, unfollow, deleting the comment or post) removes it. Notifications about one's own
 * actions are never made; those between users who block each other are filtered when read.
 */
@Component
@ProcessingGroup(NotificationProjection.NAME)
public class NotificationProjection {

    public static final String NAME = "notifications-projection";

    private final NotificationRepository notifications;
    private final MentionableUsers mentionable;

    NotificationProjection(NotificationRepository notifications, MentionableUsers mentionable) {
        this.notifications = notifications;
        this.mentionable = mentionable;
    }

    @EventHandler
    void on(UserRegistered event) {
        mentionable.add(event.username(), event.userId());
    }

    @EventHandler
    void on(UserFollowed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifications.add(eventId, event.followeeId(), Type.FOLLOW, event.followerId(), null, null, at);
    }

    @EventHandler
    void on(UserUnfollowed event) {
        notifications.removeCausedBy(Type.FOLLOW, event.followerId(), event.followeeId(), null, null);
    }

    @EventHandler
    void on(PostLiked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifications.add(eventId, event.postAuthorId(), Type.LIKE, event.userId(), event.postId(), null, at);
    }

    @EventHandler
    void on(PostUnliked event) {
        notifications.removeCausedBy(Type.LIKE, event.userId(), event.postAuthorId(), event.postId(), null);
    }

    @EventHandler
    void on(CommentAdded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifications.add(eventId, event.postAuthorId(), Type.COMMENT, event.authorId(),
                event.postId(), event.commentId(), at);
        mention(event.mentions(), eventId, event.authorId(), event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentEdited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        mention(event.mentions(), eventId, event.authorId(), event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentLiked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notifications.add(eventId, event.commentAuthorId(), Type.COMMENT_LIKE, event.userId(),
                event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentUnliked event) {
        notifications.removeCausedBy(Type.COMMENT_LIKE, event.userId(), event.commentAuthorId(), event.postId(),
                event.commentId());
    }

    @EventHandler
    void on(PostCreated event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        mention(event.mentions(), eventId, event.authorId(), event.postId(), null, at);
    }

    @EventHandler
    void on(PostEdited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        mention(event.mentions(), eventId, event.authorId(), event.postId(), null, at);
    }

    /** Everything about the comment goes with it: the comment, its likes, its mentions. */
    @EventHandler
    void on(CommentDeleted event) {
        notifications.removeAboutComment(event.postId(), event.commentId());
    }

    @EventHandler
    void on(PostDeleted event) {
        notifications.removeAboutPost(event.postId());
    }

    @EventHandler
    void on(UserDeleted event) {
        notifications.removeInvolving(event.userId());
        mentionable.remove(event.userId());
    }

    @ResetHandler
    void reset() {
        notifications.deleteAll();
        mentionable.removeAll();
    }

    private void mention(List<String> usernames, String eventId, UUID actorId, UUID postId, UUID commentId,
                         Instant at) {
        for (String username : usernames) {
            mentionable.idOf(username).ifPresent(recipient -> notifications.add(eventId,
                    recipient, Type.MENTION, actorId, postId, commentId, at));
        }
    }
}
