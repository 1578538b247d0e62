package io.glimpse.api.mastodon.notification;

import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.mastodon.web.MastodonPager;
import io.glimpse.api.mastodon.web.PageWindow;
import io.glimpse.api.mastodon.web.Params;
import io.glimpse.api.mastodon.web.Positions;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.query.notification.NotificationQueries.CountUnread;
import io.glimpse.query.notification.NotificationQueries.ListNotifications;
import io.glimpse.query.notification.NotificationQueries.NotificationPage;
import io.glimpse.query.notification.NotificationRepository;
import io.glimpse.query.notification.NotificationView;
import io.glimpse.query.paging.Cursor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The caller's notifications, newest first, with {@code types[]} and {@code exclude_types[]} in
 * Mastodon's names (see {@link NotificationMapper}); only the caller's own are reachable, another
 * user's id is a 404. A notification id is a time-ordered UUID (version 8) and so a position by
 * itself for {@code max_id}, {@code since_id} and {@code min_id}.
 */
@RestController("mastodonNotificationController")
class NotificationController {

    private final Queries queries;
    private final NotificationRepository notifications;
    private final NotificationHiding hiding;
    private final NotificationMapper mapper;
    private final ObjectMapper json;

    NotificationController(Queries queries, NotificationRepository notifications, NotificationHiding hiding,
                           NotificationMapper mapper, ObjectMapper json) {
        this.queries = queries;
        this.notifications = notifications;
        this.hiding = hiding;
        this.mapper = mapper;
        this.json = json;
    }

    @GetMapping("/api/v1/notifications")
    ResponseEntity<List<MastodonNotification>> list(HttpServletRequest request,
                                                    @AuthenticationPrincipal AuthenticatedUser me) {
        Params params = Params.of(request, json);
        Set<String> types = Set.copyOf(params.list("types"));
        Set<String> excluded = Set.copyOf(params.list("exclude_types"));
        NotificationHiding.Hidden hidden = hiding.of(me.id());
        Predicate<NotificationView> keep = notification -> {
            String type = NotificationMapper.typeOf(notification.type());
            return (types.isEmpty() || types.contains(type)) && !excluded.contains(type)
                    && !hidden.hides(notification.id(), notification.createdAt());
        };
        MastodonPager.Keys<NotificationView> keys = new MastodonPager.Keys<>(
                notification -> new Cursor(notification.createdAt(), notification.id()), id -> Optional.empty());
        return MastodonPager.page(request, PageWindow.of(request, 40, 80), (after, limit) -> {
            if (hidden.clearedUntil() != null && after != null && !after.time().isAfter(hidden.clearedUntil())) {
                return new MastodonPager.Slice<>(List.of(), false); // everything older was cleared
            }
            NotificationPage page = queries.one(new ListNotifications(me.id(), false, after, limit), NotificationPage.class);
            return new MastodonPager.Slice<>(page.items(), page.nextCursor() != null && !olderThanCleared(page, hidden));
        }, keys, keep, items -> mapper.map(items, me));
    }

    private static boolean olderThanCleared(NotificationPage page, NotificationHiding.Hidden hidden) {
        if (hidden.clearedUntil() == null || page.items().isEmpty()) {
            return false;
        }
        Instant last = page.items().get(page.items().size() - 1).createdAt();
        return !last.isAfter(hidden.clearedUntil());
    }

    @GetMapping("/api/v1/notifications/unread_count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal AuthenticatedUser me) {
        return Map.of("count", queries.one(new CountUnread(me.id()), Long.class));
    }

    @GetMapping("/api/v1/notifications/{id}")
    MastodonNotification get(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        UUID notificationId = own(id, me);
        Cursor justAfter = Positions.fromTimeOrderedId(notificationId);
        // a position just newer than the id's own millisecond, from which the list reaches it first
        Cursor from = new Cursor(justAfter.time().plusMillis(1), notificationId);
        NotificationPage page = queries.one(new ListNotifications(me.id(), false, from, 20), NotificationPage.class);
        return page.items().stream().filter(n -> n.id().equals(notificationId)).findFirst()
                .flatMap(n -> mapper.map(List.of(n), me).stream().findFirst())
                .orElseThrow(MastodonException::notFound);
    }

    @PostMapping("/api/v1/notifications/clear")
    Map<String, Object> clear(@AuthenticationPrincipal AuthenticatedUser me) {
        hiding.clear(me.id());
        return Map.of();
    }

    @PostMapping("/api/v1/notifications/{id}/dismiss")
    Map<String, Object> dismiss(@PathVariable String id, @AuthenticationPrincipal AuthenticatedUser me) {
        hiding.dismiss(me.id(), own(id, me));
        return Map.of();
    }

    private UUID own(String id, AuthenticatedUser me) {
        UUID notificationId = Accounts.parse(id);
        if (!notifications.belongsTo(notificationId, me.id())) {
            throw MastodonException.notFound();
        }
        return notificationId;
    }
}
