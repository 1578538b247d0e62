package io.glimpse.query.notification;

import io.glimpse.query.batch.ChangeBatch;
import io.glimpse.query.batch.Statements;
import io.glimpse.query.notification.NotificationChange.Added;
import io.glimpse.query.notification.NotificationChange.Removal;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Applies a batch of {@link NotificationChange}s: first every removal, as one JDBC batch per kind,
 * then every notification added that no later removal in the batch takes back, as one JDBC batch.
 * A removal takes back the batch's own notifications before it in memory and those written
 * before the batch in SQL; one added after it stays, since the removals run first. That is what
 * applying them one by one in event order would give, for any sequence: a like, an unlike and a
 * like again leave the second like's notification.
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

    private void write(List<NotificationChange> changes) {
        List<Added> added = new ArrayList<>();
        Map<String, List<Object[]>> removals = new LinkedHashMap<>();
        for (NotificationChange change : changes) {
            if (change instanceof Added notification) {
                added.add(notification);
            } else if (change instanceof Removal removal) {
                added.removeIf(removal::removes);
                removals.computeIfAbsent(removal.sql(), sql -> new ArrayList<>()).add(removal.parameters());
            }
        }
        removals.forEach((sql, parameters) -> Statements.run(jdbc, sql, parameters));
        Statements.run(jdbc, INSERT, added.stream().map(n -> new Object[]{n.id(), n.recipientId(), n.type().name(),
                n.actorId(), n.postId(), n.commentId(), utc(n.at())}).toList());
    }
}
