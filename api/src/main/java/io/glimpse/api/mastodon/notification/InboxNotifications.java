package io.glimpse.api.mastodon.notification;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.query.notification.NotificationRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One notification of the viewer's inbox as Mastodon's entity, for the streaming API: read through
 * the inbox's own query, so what a block hides stays hidden; empty if it is gone or not theirs.
 */
@Component
public class InboxNotifications {

    private final NotificationRepository notifications;
    private final NotificationMapper mapper;

    InboxNotifications(NotificationRepository notifications, NotificationMapper mapper) {
        this.notifications = notifications;
        this.mapper = mapper;
    }

    public Optional<MastodonNotification> find(UUID notificationId, AuthenticatedUser me) {
        return mapper.map(notifications.inboxItems(me.id(), List.of(notificationId)), me).stream().findFirst();
    }
}
