package io.glimpse.query.notification;

import io.glimpse.query.notification.NotificationQueries.CountUnread;
import io.glimpse.query.notification.NotificationQueries.ListNotifications;
import io.glimpse.query.notification.NotificationQueries.NotificationPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class NotificationQueryHandler {

    private final NotificationRepository notifications;

    NotificationQueryHandler(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @QueryHandler
    NotificationPage handle(ListNotifications query) {
        var slice = notifications.inbox(query.recipientId(), query.unreadOnly(), query.after(), query.limit());
        return new NotificationPage(slice.items(), slice.nextCursor());
    }

    @QueryHandler
    Long handle(CountUnread query) {
        return notifications.unreadCount(query.recipientId());
    }
}
