package io.glimpse.query.live;

import io.glimpse.query.live.LiveChange.NotificationAdded;
import io.glimpse.query.live.LiveChange.UnreadCount;
import io.glimpse.query.notification.NotificationRepository;
import io.glimpse.query.notification.NotificationRepository.Addressed;
import io.glimpse.query.notification.NotificationView;
import io.glimpse.query.notification.NotificationView.Type;
import io.glimpse.query.post.PostView.AuthorView;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What a projection's batch publishes to live feeds once it committed, and what that costs the read model. */
class LiveRecorderTest {

    private final UUID online = UUID.randomUUID();
    private final UUID offline = UUID.randomUUID();
    private final NotificationRepository notifications = mock(NotificationRepository.class);
    private final List<LiveChange> published = new ArrayList<>();
    private final LiveRecorder recorder = new LiveRecorder(notifications, new LiveChanges() {
        @Override
        public Set<UUID> present(Collection<UUID> userIds) {
            return userIds.stream().filter(online::equals).collect(Collectors.toSet());
        }

        @Override
        public void publish(List<LiveChange> changes) {
            published.addAll(changes);
        }
    }, Duration.ofMinutes(2));

    @Test
    void onlyUsersWithALiveFeedHaveTheirNotificationsReadBackAndCounted() {
        Addressed forOnline = new Addressed(UUID.randomUUID(), online);
        Addressed forOffline = new Addressed(UUID.randomUUID(), offline);
        NotificationView shown = new NotificationView(forOnline.id(), Type.LIKE,
                new AuthorView(UUID.randomUUID(), "fan", "Fan", null), null, null, Instant.now(), false);
        when(notifications.inboxItems(eq(online), any())).thenReturn(List.of(shown));
        when(notifications.unreadCount(online)).thenReturn(3L);

        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a live event"));
        recorder.notificationAdded(forOffline);
        recorder.notificationAdded(forOnline);
        batch.commit();

        assertThat(published).containsExactly(new NotificationAdded(online, shown), new UnreadCount(online, 3));
        verify(notifications, never()).inboxItems(eq(offline), any());
        verify(notifications, never()).unreadCount(offline);
    }

    @Test
    void readingNotificationsCountsTheUnreadOnesOnlyOfAUserWithALiveFeed() {
        when(notifications.unreadCount(online)).thenReturn(0L);

        recorder.unreadCountChanged(offline);
        recorder.unreadCountChanged(online);

        assertThat(published).containsExactly(new UnreadCount(online, 0));
        verify(notifications, never()).unreadCount(offline);
    }

    @Test
    void aBatchForNobodyOnlineAsksTheReadModelNothing() {
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a live event"));
        recorder.notificationAdded(new Addressed(UUID.randomUUID(), offline));
        recorder.notificationsRemoving(() -> List.of(new Addressed(UUID.randomUUID(), offline)));
        batch.commit();

        assertThat(published).isEmpty();
        verify(notifications, never()).inboxItems(any(), any());
        verify(notifications, never()).unreadCount(any());
    }
}
