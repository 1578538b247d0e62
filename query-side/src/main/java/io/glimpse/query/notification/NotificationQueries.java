package io.glimpse.query.notification;

import io.glimpse.query.paging.Cursor;

import java.util.List;
import java.util.UUID;

/** A user's notifications; those from users either side blocks are never shown. */
public final class NotificationQueries {

    private NotificationQueries() {
    }

    /** Newest first; only unread ones when {@code unreadOnly}. */
    public record ListNotifications(UUID recipientId, boolean unreadOnly, Cursor after, int limit) {
    }

    public record CountUnread(UUID recipientId) {
    }

    public record NotificationPage(List<NotificationView> items, String nextCursor) {
    }
}
