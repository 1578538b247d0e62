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
import io.glimpse.query.live.LiveRecorder;
import io.glimpse.query.notification.NotificationChange.AboutCommentRemoved;
import io.glimpse.query.notification.NotificationChange.AboutPostRemoved;
import io.glimpse.query.notification.NotificationChange.InvolvingRemoved;
import io.glimpse.query.notification.NotificationChange.Removal;
import io.glimpse.query.notification.NotificationChange.Undone;
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
 * Whom a mention names comes from this processor's own copy of the accounts ({@link MentionableUsers}).
 */
@Component
@ProcessingGroup(NotificationProjection.NAME)
public class NotificationProjection {

    public static final String NAME = "notifications-projection";

    private final NotificationRepository notifications;
    private final MentionableUsers mentionable;
    private final LiveRecorder live;

    NotificationProjection(NotificationRepository notifications, MentionableUsers mentionable, LiveRecorder live) {
        this.notifications = notifications;
        this.mentionable = mentionable;
        this.live = live;
    }

    @EventHandler
    void on(UserRegistered event) {
        mentionable.add(event.username(), event.userId());
    }

    @EventHandler
    void on(UserFollowed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        add(eventId, event.followeeId(), Type.FOLLOW, event.followerId(), null, null, at);
    }

    @EventHandler
    void on(UserUnfollowed event) {
        remove(new Undone(Type.FOLLOW, event.followerId(), event.followeeId(), null, null));
    }

    @EventHandler
    void on(PostLiked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        add(eventId, event.postAuthorId(), Type.LIKE, event.userId(), event.postId(), null, at);
    }

    @EventHandler
    void on(PostUnliked event) {
        remove(new Undone(Type.LIKE, event.userId(), event.postAuthorId(), event.postId(), null));
    }

    @EventHandler
    void on(CommentAdded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        live.commentText(event.commentId(), event.text());
        add(eventId, event.postAuthorId(), Type.COMMENT, event.authorId(),
                event.postId(), event.commentId(), at);
        mention(event.mentions(), eventId, event.authorId(), event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentEdited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        live.commentText(event.commentId(), event.text());
        mention(event.mentions(), eventId, event.authorId(), event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentLiked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        add(eventId, event.commentAuthorId(), Type.COMMENT_LIKE, event.userId(),
                event.postId(), event.commentId(), at);
    }

    @EventHandler
    void on(CommentUnliked event) {
        remove(new Undone(Type.COMMENT_LIKE, event.userId(), event.commentAuthorId(), event.postId(),
                event.commentId()));
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
        remove(new AboutCommentRemoved(event.postId(), event.commentId()));
    }

    @EventHandler
    void on(PostDeleted event) {
        remove(new AboutPostRemoved(event.postId()));
    }

    @EventHandler
    void on(UserDeleted event) {
        remove(new InvolvingRemoved(event.userId()));
        mentionable.remove(event.userId());
    }

    @ResetHandler
    void reset() {
        notifications.deleteAll();
        mentionable.removeAll();
    }

    private void add(String eventId, UUID recipientId, Type type, UUID actorId, UUID postId, UUID commentId,
                     Instant at) {
        notifications.add(eventId, recipientId, type, actorId, postId, commentId, at).ifPresent(live::notificationAdded);
    }

    /** Live feeds are told which notifications went, so what is removed is read first (live events only). */
    private void remove(Removal removal) {
        live.notificationsRemoving(() -> notifications.removedBy(removal));
        notifications.remove(removal);
    }

    private void mention(List<String> usernames, String eventId, UUID actorId, UUID postId, UUID commentId,
                         Instant at) {
        for (String username : usernames) {
            mentionable.idOf(username).ifPresent(recipient -> add(eventId,
                    recipient, Type.MENTION, actorId, postId, commentId, at));
        }
    }
}
