package io.glimpse.query.live;

import io.glimpse.query.notification.NotificationView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one user may want to see at once, after a projection committed it: the source of every
 * live feed ({@code GET /api/stream}, and Mastodon's streaming API, which reads the same per-user log).
 * Each names the user it is for.
 */
public sealed interface LiveChange {

    UUID userId();

    /** A notification as the recipient's inbox shows it (already past the block filter). */
    record NotificationAdded(UUID userId, NotificationView notification) implements LiveChange {
    }

    /** Notifications gone from the user's inbox (the like, follow, comment or post was undone). */
    record NotificationsRemoved(UUID userId, List<UUID> notificationIds) implements LiveChange {
    }

    /** The user's unread notifications now. */
    record UnreadCount(UUID userId, long count) implements LiveChange {
    }

    /** A post entered the user's home timeline. */
    record TimelinePost(UUID userId, UUID postId, UUID authorId, Instant createdAt) implements LiveChange {
    }

    /** A post that was in the user's home timeline is deleted. */
    record PostDeleted(UUID userId, UUID postId) implements LiveChange {
    }
}
