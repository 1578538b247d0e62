package io.glimpse.api.stream;

import java.util.UUID;

/**
 * One event of a user's stream: its id, its SSE event name and its JSON data (docs/live-updates.md
 * lists them). {@link #MARK} entries only give a stream a position to start from and are never sent.
 * Other streaming APIs (Mastodon's) read the same events and translate the ones they carry.
 */
public record StreamEvent(String id, String type, String data) {

    static final String MARK = "mark";
    public static final String READY = "ready";
    public static final String RESET = "reset";
    /** Data: the Notification object of {@code GET /api/notifications}. */
    public static final String NOTIFICATION = "notification";
    public static final String NOTIFICATIONS_REMOVED = "notification.removed";
    public static final String UNREAD_COUNT = "unread-count";
    /** Data: {@code {"postId", "authorId", "createdAt"}} of a post that entered the home timeline. */
    public static final String TIMELINE_POST = "timeline.post";
    /** Data: {@code {"postId"}} of a deleted post that was in the home timeline. */
    public static final String POST_DELETED = "post.deleted";

    boolean isMark() {
        return MARK.equals(type);
    }

    /** An event to append to a user's log; the log gives it its id. */
    record New(UUID userId, String type, String data) {
    }
}
