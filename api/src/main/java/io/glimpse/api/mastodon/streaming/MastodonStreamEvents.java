package io.glimpse.api.mastodon.streaming;

import io.glimpse.api.mastodon.notification.InboxNotifications;
import io.glimpse.api.mastodon.status.StatusMapper;
import io.glimpse.api.mastodon.status.Statuses;
import io.glimpse.api.mastodon.web.BaseUrl;
import io.glimpse.api.stream.StreamEvent;
import io.glimpse.api.web.ReadModel;
import io.glimpse.processing.consistency.ReadYourWrites;
import io.glimpse.query.post.PostView;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Translates the events of a user's live stream log (the one {@code GET /api/stream} sends) into
 * Mastodon's: {@code timeline.post} is an {@code update} with the Status, {@code notification} a
 * {@code notification}, {@code post.deleted} a {@code delete}; the rest (unread counts, removed
 * notifications, ready, reset) has no Mastodon counterpart. The entity is read when it is sent, as
 * the subscriber sees it (their own favourite, what a block hides), and only for events some
 * subscription wants.
 */
@Component
class MastodonStreamEvents {

    private final Statuses statuses;
    private final StatusMapper statusMapper;
    private final InboxNotifications notifications;
    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;

    MastodonStreamEvents(Statuses statuses, StatusMapper statusMapper, InboxNotifications notifications,
                         ReadYourWrites readYourWrites, ObjectMapper json) {
        this.statuses = statuses;
        this.statusMapper = statusMapper;
        this.notifications = notifications;
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    /** Empty for an event no Mastodon event stands for, one not {@code wanted}, or whose entity is gone. */
    Optional<MastodonEvent> translate(StreamEvent event, Subscriber subscriber, Predicate<String> wanted) {
        String name = nameOf(event.type());
        if (name == null || !wanted.test(name)) {
            return Optional.empty();
        }
        return BaseUrl.during(subscriber.baseUrl(), () -> payload(name, event, subscriber))
                .map(payload -> new MastodonEvent(name, payload));
    }

    private static String nameOf(String type) {
        return switch (type) {
            case StreamEvent.TIMELINE_POST -> MastodonEvent.UPDATE;
            case StreamEvent.NOTIFICATION -> MastodonEvent.NOTIFICATION;
            case StreamEvent.POST_DELETED -> MastodonEvent.DELETE;
            default -> null;
        };
    }

    private Optional<String> payload(String name, StreamEvent event, Subscriber subscriber) {
        return switch (name) {
            case MastodonEvent.UPDATE -> post(idIn(event, "postId"), subscriber.user().id())
                    .map(post -> json.writeValueAsString(statusMapper.post(post)));
            case MastodonEvent.NOTIFICATION -> notifications.find(idIn(event, "id"), subscriber.user())
                    .map(json::writeValueAsString);
            default -> Optional.of(idIn(event, "postId").toString());
        };
    }

    /**
     * The post as the viewer sees it. The timelines' processor may announce a post before the
     * posts' processor has stored it (they run side by side): then this waits, as a write's
     * read-your-writes does, until the posts' read model has the post's newest event. A post
     * deleted meanwhile is still left out.
     */
    private Optional<PostView> post(UUID postId, UUID viewerId) {
        Optional<PostView> post = statuses.post(postId, viewerId);
        if (post.isPresent()) {
            return post;
        }
        readYourWrites.awaitAggregate(postId, List.of(ReadModel.POSTS.processor()));
        return statuses.post(postId, viewerId);
    }

    private UUID idIn(StreamEvent event, String field) {
        return UUID.fromString(json.readTree(event.data()).path(field).asString());
    }
}
