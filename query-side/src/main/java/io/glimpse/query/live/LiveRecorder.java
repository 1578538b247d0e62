package io.glimpse.query.live;

import io.glimpse.query.live.LiveChange.NotificationAdded;
import io.glimpse.query.live.LiveChange.NotificationsRemoved;
import io.glimpse.query.live.LiveChange.PostDeleted;
import io.glimpse.query.live.LiveChange.TimelinePost;
import io.glimpse.query.live.LiveChange.UnreadCount;
import io.glimpse.query.notification.NotificationRepository.Addressed;
import io.glimpse.query.notification.NotificationRepository;
import io.glimpse.query.notification.NotificationView.CommentRef;
import io.glimpse.query.notification.NotificationView;
import io.glimpse.query.timeline.TimelineEntry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Collects what the notifications and timeline projections change for live feeds while they
 * handle a batch, and publishes it after the batch's transaction committed: a client told about
 * a notification finds it in its inbox. Only live events count: none during a replay, and none
 * older than {@code glimpse.stream.max-event-age} (a processor catching up after downtime or
 * building a new projection), which no client could still be waiting for.
 *
 * <p>A notification is read back through the inbox's query before it is published, so the
 * block filter of the inbox applies to the stream too: a blocked user's mention never reaches
 * the blocker. Each recipient touched in a batch then gets its unread count once. Both only for
 * users with a live feed open ({@link LiveChanges#present}): a like of a post whose author is
 * not online costs no query for the feed.
 */
@Component
public class LiveRecorder {

    private static final Logger log = LoggerFactory.getLogger(LiveRecorder.class);
    private static final String PENDING = LiveRecorder.class.getName();

    private final NotificationRepository notifications;
    private final LiveChanges changes;
    private final Duration maxEventAge;
    private final Clock clock;

    LiveRecorder(NotificationRepository notifications, LiveChanges changes,
                 @Value("${glimpse.stream.max-event-age:2m}") Duration maxEventAge) {
        this.notifications = notifications;
        this.changes = changes;
        this.maxEventAge = maxEventAge;
        this.clock = Clock.systemUTC();
    }

    /** Records nothing and publishes nothing: for projections built by hand in tests. */
    public static LiveRecorder disabled() {
        return new LiveRecorder(null, new LiveChanges() {
            @Override
            public Set<UUID> present(Collection<UUID> userIds) {
                return Set.of();
            }

            @Override
            public void publish(List<LiveChange> changes) {
            }
        }, Duration.ZERO);
    }

    public void notificationAdded(Addressed notification) {
        pending().ifLive(batch -> batch.items.add(notification));
    }

    /**
     * The text of a comment as its event has it: the comment's read model belongs to another
     * projection, which may not have it yet when this batch is published.
     */
    public void commentText(UUID commentId, String text) {
        pending().ifLive(batch -> batch.commentTexts.put(commentId, text));
    }

    /** Asks {@code removed} (which reads the database) only when the event is live. */
    public void notificationsRemoving(Supplier<List<Addressed>> removed) {
        pending().ifLive(batch -> removed.get().forEach(notification ->
                batch.items.add(new Removed(notification.id(), notification.recipientId()))));
    }

    public void enteredTimelines(Collection<UUID> owners, TimelineEntry entry) {
        pending().ifLive(batch -> owners.forEach(owner ->
                batch.items.add(new TimelinePost(owner, entry.postId(), entry.authorId(), entry.createdAt()))));
    }

    public void leftTimelines(Collection<UUID> owners, UUID postId) {
        pending().ifLive(batch -> owners.forEach(owner -> batch.items.add(new PostDeleted(owner, postId))));
    }

    /** The user read notifications (not an event): their unread count goes out at once, if they have a live feed. */
    public void unreadCountChanged(UUID userId) {
        if (!changes.present(List.of(userId)).isEmpty()) {
            publishSafely(List.of(new UnreadCount(userId, notifications.unreadCount(userId))));
        }
    }

    private Pending pending() {
        if (maxEventAge.isZero() || !CurrentUnitOfWork.isStarted() || !isLive(CurrentUnitOfWork.get().getMessage())) {
            return Pending.NOT_LIVE;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            Pending batch = new Pending();
            root.afterCommit(committed -> publish(batch));
            return batch;
        });
    }

    private boolean isLive(Message<?> message) {
        if (!(message instanceof EventMessage<?> event)) {
            return false;
        }
        if (message instanceof TrackedEventMessage<?> tracked && ReplayToken.isReplay(tracked.trackingToken())) {
            return false;
        }
        return event.getTimestamp().isAfter(clock.instant().minus(maxEventAge));
    }

    /** For the users with a live feed only: the others' notifications are neither read back nor counted. */
    private void publish(Pending batch) {
        try {
            Set<UUID> present = changes.present(batch.users());
            if (!present.isEmpty()) {
                publishSafely(changesOf(batch.itemsFor(present), batch.commentTexts));
            }
        } catch (RuntimeException e) {
            // The read model is committed; a live feed that misses this resumes or resets on reconnect.
            log.warn("Live changes of a batch not published", e);
        }
    }

    private void publishSafely(List<LiveChange> published) {
        if (!published.isEmpty()) {
            changes.publish(published);
        }
    }

    /** In the batch's order; notifications hydrated per recipient, unread counts last. */
    private List<LiveChange> changesOf(List<Object> items, Map<UUID, String> commentTexts) {
        Map<UUID, Set<UUID>> addedByRecipient = new LinkedHashMap<>();
        Set<UUID> recipients = new LinkedHashSet<>();
        for (Object item : items) {
            if (item instanceof Addressed added) {
                addedByRecipient.computeIfAbsent(added.recipientId(), key -> new LinkedHashSet<>()).add(added.id());
            } else if (item instanceof Removed removed) {
                recipients.add(removed.recipientId());
            }
        }
        Map<UUID, NotificationView> shown = new LinkedHashMap<>();
        addedByRecipient.forEach((recipient, ids) ->
                notifications.inboxItems(recipient, ids).forEach(view -> shown.put(view.id(), withText(view, commentTexts))));
        List<LiveChange> result = new ArrayList<>(items.size() + recipients.size());
        Map<UUID, List<UUID>> removedRun = new LinkedHashMap<>();
        for (Object item : items) {
            if (item instanceof Removed removed) {
                removedRun.computeIfAbsent(removed.recipientId(), key -> new ArrayList<>()).add(removed.id());
                continue;
            }
            flushRemoved(removedRun, result);
            if (item instanceof Addressed added) {
                NotificationView view = shown.get(added.id());
                if (view != null) {
                    result.add(new NotificationAdded(added.recipientId(), view));
                    recipients.add(added.recipientId());
                }
            } else {
                result.add((LiveChange) item);
            }
        }
        flushRemoved(removedRun, result);
        // Not for a notification the block filter hid: that would tell the blocker something happened.
        recipients.forEach(recipient -> result.add(new UnreadCount(recipient, notifications.unreadCount(recipient))));
        return result;
    }

    private static NotificationView withText(NotificationView view, Map<UUID, String> commentTexts) {
        CommentRef comment = view.comment();
        if (comment == null || comment.text() != null || !commentTexts.containsKey(comment.id())) {
            return view;
        }
        return new NotificationView(view.id(), view.type(), view.actor(), view.post(),
                new CommentRef(comment.id(), commentTexts.get(comment.id())), view.createdAt(), view.read());
    }

    /** Consecutive removals for one user (a deleted post's likes and comments) go as one event. */
    private static void flushRemoved(Map<UUID, List<UUID>> run, List<LiveChange> result) {
        run.forEach((recipient, ids) -> result.add(new NotificationsRemoved(recipient, List.copyOf(ids))));
        run.clear();
    }

    private record Removed(UUID id, UUID recipientId) {
    }

    /** What a batch changed so far, in order: {@link Addressed} (added), {@link Removed}, or a ready {@link LiveChange}. */
    private static class Pending {

        static final Pending NOT_LIVE = new Pending();

        final List<Object> items = new ArrayList<>();
        final Map<UUID, String> commentTexts = new java.util.HashMap<>();

        Set<UUID> users() {
            Set<UUID> users = new LinkedHashSet<>();
            items.forEach(item -> users.add(userOf(item)));
            return users;
        }

        List<Object> itemsFor(Set<UUID> users) {
            return items.stream().filter(item -> users.contains(userOf(item))).toList();
        }

        private static UUID userOf(Object item) {
            if (item instanceof Addressed added) {
                return added.recipientId();
            }
            if (item instanceof Removed removed) {
                return removed.recipientId();
            }
            return ((LiveChange) item).userId();
        }

        void ifLive(java.util.function.Consumer<Pending> action) {
            if (this != NOT_LIVE) {
                action.accept(this);
            }
        }
    }
}
