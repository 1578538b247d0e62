package io.glimpse.query.notification;

import io.glimpse.query.batch.ChangeBatch;
import io.glimpse.query.batch.RemovalsFirst;
import io.glimpse.query.batch.Statements;
import io.glimpse.query.notification.NotificationChange.Added;
import io.glimpse.query.notification.NotificationChange.Removal;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Applies a batch of {@link NotificationChange}s: first every removal, as one JDBC batch per kind,
 * then every notification added that no later removal in the batch takes back, as one JDBC batch
 * ({@link RemovalsFirst}): a like, an unlike and a like again leave the second like's notification.
 */
@Component
class NotificationWriter {

    private static final String INSERT = """
            insert into notification (id, recipient_id, type, actor_id, post_id, comment_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final ChangeBatch<NotificationChange> batch = new ChangeBatch<>("notifications", this::write);

    NotificationWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void record(NotificationChange change) {
        batch.add(change);
    }

    /** Applies what this batch recorded so far, for a read that must see it. */
    void flush() {
        batch.flush();
    }

    private void write(List<NotificationChange> changes) {
        RemovalsFirst<UUID, Added> notifications = new RemovalsFirst<>();
        for (NotificationChange change : changes) {
            if (change instanceof Added added) {
                notifications.add(added.id(), added);
            } else if (change instanceof Removal removal) {
                notifications.removeAll(removal::removes, removal.sql(), removal.parameters());
            }
        }
        Statements.run(jdbc, INSERT, notifications.removeThenAdditions(jdbc).stream().map(n -> new Object[]{
                n.id(), n.recipientId(), n.type().name(), n.actorId(), n.postId(), n.commentId(), utc(n.at())}).toList());
    }
}
