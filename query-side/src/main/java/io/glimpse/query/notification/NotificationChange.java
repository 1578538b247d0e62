package io.glimpse.query.notification;

import io.glimpse.query.notification.NotificationView.Type;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to the notifications read model, recorded by its handlers and applied by
 * {@link NotificationWriter} when their batch commits: a notification added, or removals of those
 * an undone action, a deleted post or comment or a deleted account leave behind.
 */
sealed interface NotificationChange {

    record Added(UUID id, UUID recipientId, Type type, UUID actorId, UUID postId, UUID commentId, Instant at)
            implements NotificationChange {
    }

    /** Removes notifications, those already written and those {@link #removes} says of the batch's own. */
    sealed interface Removal extends NotificationChange {

        boolean removes(Added notification);

        /** The condition on {@code notification} rows of those already written, with its parameters. */
        String where();

        Object[] parameters();

        /** The statement that removes those already written. */
        default String sql() {
            return "delete from notification where " + where();
        }
    }

    /** What an undone action (an unfollow, an unlike) had told: found by who did it, whom it told, and about what. */
    record Undone(Type type, UUID actorId, UUID recipientId, UUID postId, UUID commentId) implements Removal {

        @Override
        public boolean removes(Added n) {
            return n.type() == type && n.actorId().equals(actorId) && n.recipientId().equals(recipientId)
                    && Objects.equals(n.postId(), postId) && Objects.equals(n.commentId(), commentId);
        }

        @Override
        public String where() {
            return """
                    actor_id = ? and recipient_id = ? and type = ?
                       and post_id is not distinct from ? and comment_id is not distinct from ?""";
        }

        @Override
        public Object[] parameters() {
            return new Object[]{actorId, recipientId, type.name(), postId, commentId};
        }
    }

    record AboutPostRemoved(UUID postId) implements Removal {

        @Override
        public boolean removes(Added n) {
            return postId.equals(n.postId());
        }

        @Override
        public String where() {
            return "post_id = ?";
        }

        @Override
        public Object[] parameters() {
            return new Object[]{postId};
        }
    }

    record AboutCommentRemoved(UUID postId, UUID commentId) implements Removal {

        @Override
        public boolean removes(Added n) {
            return postId.equals(n.postId()) && commentId.equals(n.commentId());
        }

        @Override
        public String where() {
            return "post_id = ? and comment_id = ?";
        }

        @Override
        public Object[] parameters() {
            return new Object[]{postId, commentId};
        }
    }

    record InvolvingRemoved(UUID userId) implements Removal {

        @Override
        public boolean removes(Added n) {
            return userId.equals(n.recipientId()) || userId.equals(n.actorId());
        }

        @Override
        public String where() {
            return "recipient_id = ? or actor_id = ?";
        }

        @Override
        public Object[] parameters() {
            return new Object[]{userId, userId};
        }
    }
}
