package io.glimpse.query.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Which notifications a user has read: a "read until" time per user (mark all read) plus the
 * notifications marked one by one since. This is the user's own state, not something the events
 * say, so it lives outside the rebuildable read model and survives a replay (notification ids are
 * derived from their event's id, so they stay the same across replays).
 */
@Component
public class NotificationReadState {

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationReadState(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void markAllRead(UUID recipientId) {
        jdbc.sql("delete from notification_read_marker where recipient_id = ?").param(recipientId).update();
        jdbc.sql("insert into notification_read_marker (recipient_id, read_until) values (?, ?)")
                .params(recipientId, utc(clock.instant()))
                .update();
        jdbc.sql("delete from notification_read_override where recipient_id = ?").param(recipientId).update();
    }

    @Transactional
    public void mark(UUID recipientId, UUID notificationId, boolean read) {
        jdbc.sql("delete from notification_read_override where notification_id = ?").param(notificationId).update();
        jdbc.sql("insert into notification_read_override (notification_id, recipient_id, is_read) values (?, ?, ?)")
                .params(notificationId, recipientId, read)
                .update();
    }
}
