package io.glimpse.query.notification;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.CommentUnliked;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.notification.NotificationView.Type;
import io.glimpse.query.user.UserProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.UUID;

import static io.glimpse.api.support.Events.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The notifications projection given events, then the recipients' inboxes. */
@EmbeddedGlimpse
class NotificationProjectionTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    TransactionManager transactions;

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private String annsName;
    private Object projection;

    @BeforeEach
    void givenTwoAccounts() {
        projection = context.getBean(NotificationProjection.class);
        for (UUID id : List.of(ann, bob)) {
            String name = "np_" + id.toString().substring(0, 8);
            UserRegistered registered = new UserRegistered(id, name, name + "@example.com", "h", name);
            // The users read model shows the actor; the projection itself learns whom a mention can name.
            feed(context.getBean(UserProjection.class), registered);
            feed(projection, registered);
        }
        annsName = "np_" + ann.toString().substring(0, 8);
    }

    @Test
    void eachKindReachesItsRecipient() {
        UUID post = UUID.randomUUID();
        feed(projection, new UserFollowed(bob, ann), new PostLiked(post, ann, bob),
                new CommentAdded(UUID.randomUUID(), post, ann, bob, "Hey @" + annsName, List.of(annsName)));

        assertThat(inbox(ann)).extracting(NotificationView::type)
                .containsExactlyInAnyOrder(Type.FOLLOW, Type.LIKE, Type.COMMENT, Type.MENTION);
        assertThat(inbox(bob)).isEmpty();
    }

    @Test
    void ownActionsNotifyNobody() {
        UUID post = UUID.randomUUID();
        feed(projection, new PostLiked(post, ann, ann), new PostCreated(post, ann, "me @" + annsName, List.of(),
                List.of(annsName), List.of()));
        assertThat(inbox(ann)).isEmpty();
    }

    @Test
    void undoingTheCauseRemovesIt() {
        UUID post = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        feed(projection, new PostLiked(post, ann, bob), new CommentAdded(comment, post, ann, bob, "x", List.of()),
                new PostUnliked(post, ann, bob), new CommentDeleted(comment, post, bob, bob));
        assertThat(inbox(ann)).isEmpty();
    }

    @Test
    void undoingOneActionLeavesTheOthersOfTheSameActor() {
        UUID post = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID unliked = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        feed(projection, new UserFollowed(bob, ann), new PostLiked(post, ann, bob));
        for (UUID comment : List.of(kept, unliked, deleted)) {
            feed(projection, new CommentAdded(comment, post, ann, bob, "x", List.of()),
                    new CommentLiked(comment, post, ann, bob));
        }
        feed(projection, new UserUnfollowed(bob, ann), new CommentUnliked(unliked, post, ann, bob),
                new CommentDeleted(deleted, post, bob, bob));

        assertThat(inbox(ann)).extracting(NotificationView::type, notification -> notification.comment() == null
                        ? null : notification.comment().id())
                .containsExactlyInAnyOrder(tuple(Type.LIKE, null), tuple(Type.COMMENT, kept),
                        tuple(Type.COMMENT, unliked), tuple(Type.COMMENT_LIKE, kept));
    }

    @Test
    void oneEventMayTellOneUserTwoThings() {
        UUID post = UUID.randomUUID();
        feed(projection, new CommentAdded(UUID.randomUUID(), post, ann, bob, "@" + annsName + " look", List.of(annsName)));
        assertThat(inbox(ann)).extracting(NotificationView::type).containsExactlyInAnyOrder(Type.COMMENT, Type.MENTION);
    }

    @Test
    void aNotificationBelongsOnlyToItsRecipient() {
        feed(projection, new UserFollowed(bob, ann));
        UUID id = inbox(ann).get(0).id();
        assertThat(notifications.belongsTo(id, ann)).isTrue();
        assertThat(notifications.belongsTo(id, bob)).isFalse();
    }

    /**
     * In one batch the removals are written before the additions: what they take back of the
     * batch's own is dropped before it is written, and what comes after them stays.
     */
    @Test
    void inOneBatchARemovalTakesBackOnlyWhatCameBeforeIt() {
        UUID liked = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID comment = UUID.randomUUID();
        feed(projection, new UserFollowed(bob, ann));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        feed(projection, new PostLiked(liked, ann, bob), new PostUnliked(liked, ann, bob), new PostLiked(liked, ann, bob),
                new UserUnfollowed(bob, ann), new UserFollowed(bob, ann), new UserUnfollowed(bob, ann),
                new CommentAdded(comment, deleted, ann, bob, "x", List.of()), new CommentLiked(comment, deleted, ann, bob),
                new PostDeleted(deleted, ann, ann),
                new CommentLiked(UUID.randomUUID(), liked, ann, bob));
        batch.commit();

        assertThat(inbox(ann)).extracting(NotificationView::type, n -> n.post().id())
                .containsExactlyInAnyOrder(tuple(Type.LIKE, liked), tuple(Type.COMMENT_LIKE, liked));
    }

    private List<NotificationView> inbox(UUID recipient) {
        return notifications.inbox(recipient, false, null, 50).items();
    }
}
