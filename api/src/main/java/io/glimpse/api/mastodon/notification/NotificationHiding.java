package io.glimpse.api.mastodon.notification;

import io.glimpse.query.notification.NotificationReadState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mastodon's "clear" and "dismiss". Glimpse's notifications are a read model rebuilt from
 * events, so nothing is deleted from it: the Mastodon API remembers, per user, until when
 * everything was cleared and which ones were dismissed, and leaves those out. Both also mark
 * them read, so that the unread count (the native API's too) agrees.
 */
@Component
class NotificationHiding {

    private final JdbcClient jdbc;
    private final NotificationReadState readState;
    private final Clock clock;

    NotificationHiding(JdbcClient jdbc, NotificationReadState readState, Clock clock) {
        this.jdbc = jdbc;
        this.readState = readState;
        this.clock = clock;
    }

    @Transactional
    void clear(UUID userId) {
        readState.markAllRead(userId);
        jdbc.sql("delete from mastodon_notification_clear where user_id = ?").param(userId).update();
        jdbc.sql("insert into mastodon_notification_clear (user_id, cleared_until) values (?, ?)")
                .params(userId, clock.instant().atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("delete from mastodon_notification_dismissal where user_id = ?").param(userId).update();
    }

    @Transactional
    void dismiss(UUID userId, UUID notificationId) {
        readState.mark(userId, notificationId, true);
        jdbc.sql("delete from mastodon_notification_dismissal where notification_id = ?").param(notificationId).update();
        jdbc.sql("insert into mastodon_notification_dismissal (notification_id, user_id) values (?, ?)")
                .params(notificationId, userId).update();
    }

    /** What the user has hidden: everything up to a time, and some since. */
    record Hidden(Instant clearedUntil, Set<UUID> dismissed) {

        boolean hides(UUID id, Instant createdAt) {
            return clearedUntil != null && !createdAt.isAfter(clearedUntil) || dismissed.contains(id);
        }
    }

    Hidden of(UUID userId) {
        Optional<OffsetDateTime> cleared = jdbc.sql("select cleared_until from mastodon_notification_clear where user_id = ?")
                .param(userId).query(OffsetDateTime.class).optional();
        Set<UUID> dismissed = jdbc.sql("select notification_id from mastodon_notification_dismissal where user_id = ?")
                .param(userId).query(UUID.class).list().stream().collect(Collectors.toSet());
        return new Hidden(cleared.map(OffsetDateTime::toInstant).orElse(null), dismissed);
    }
}
