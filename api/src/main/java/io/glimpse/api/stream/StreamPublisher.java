package io.glimpse.api.stream;

import io.glimpse.api.notification.NotificationResponse;
import io.glimpse.query.live.LiveChange.NotificationAdded;
import io.glimpse.query.live.LiveChange.NotificationsRemoved;
import io.glimpse.query.live.LiveChange.PostDeleted;
import io.glimpse.query.live.LiveChange.TimelinePost;
import io.glimpse.query.live.LiveChange.UnreadCount;
import io.glimpse.query.live.LiveChange;
import io.glimpse.query.live.LiveChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the projections' {@link LiveChange}s into the stream's events (names and JSON data) in the
 * stream log. It is given changes for present users only ({@code LiveRecorder} asks
 * {@link #present} first): a fan-out to 10,000 followers of whom 50 are online makes 50 events.
 * The log drops the events of anyone who left in between.
 */
@Component
class StreamPublisher implements LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(StreamPublisher.class);

    private final StreamLog streamLog;
    private final ObjectMapper json;

    StreamPublisher(StreamLog streamLog, ObjectMapper json) {
        this.streamLog = streamLog;
        this.json = json;
    }

    @Override
    public Set<UUID> present(Collection<UUID> userIds) {
        return streamLog.present(userIds);
    }

    @Override
    public void publish(List<LiveChange> changes) {
        try {
            streamLog.append(changes.stream().map(this::event).toList());
        } catch (RuntimeException e) {
            // Redis away: the read models are right, and streams that missed this reset when they resume.
            log.warn("{} live events not published", changes.size(), e);
        }
    }

    private StreamEvent.New event(LiveChange change) {
        if (change instanceof NotificationAdded added) {
            return event(change, StreamEvent.NOTIFICATION, NotificationResponse.of(added.notification()));
        } else if (change instanceof NotificationsRemoved removed) {
            return event(change, StreamEvent.NOTIFICATIONS_REMOVED, Map.of("ids", removed.notificationIds()));
        } else if (change instanceof UnreadCount unread) {
            return event(change, StreamEvent.UNREAD_COUNT, Map.of("count", unread.count()));
        } else if (change instanceof TimelinePost post) {
            return event(change, StreamEvent.TIMELINE_POST, Map.of("postId", post.postId(), "authorId", post.authorId(),
                    "createdAt", post.createdAt()));
        } else if (change instanceof PostDeleted deleted) {
            return event(change, StreamEvent.POST_DELETED, Map.of("postId", deleted.postId()));
        }
        throw new IllegalArgumentException("Unknown live change " + change);
    }

    private StreamEvent.New event(LiveChange change, String type, Object data) {
        return new StreamEvent.New(change.userId(), type, json.writeValueAsString(data));
    }
}
