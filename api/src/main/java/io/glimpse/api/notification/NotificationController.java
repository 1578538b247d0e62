package io.glimpse.api.notification;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.PageLimit;
import io.glimpse.api.web.PageResponse;
import io.glimpse.api.web.Queries;
import io.glimpse.query.live.LiveRecorder;
import io.glimpse.query.notification.NotificationQueries.CountUnread;
import io.glimpse.query.notification.NotificationQueries.ListNotifications;
import io.glimpse.query.notification.NotificationQueries.NotificationPage;
import io.glimpse.query.notification.NotificationReadState;
import io.glimpse.query.notification.NotificationRepository;
import io.glimpse.query.paging.Cursor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** The logged-in user's notifications. Nobody else's are reachable: another user's id is a 404. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Queries queries;
    private final NotificationReadState readState;
    private final NotificationRepository notifications;
    private final LiveRecorder live;

    NotificationController(Queries queries, NotificationReadState readState, NotificationRepository notifications,
                           LiveRecorder live) {
        this.queries = queries;
        this.readState = readState;
        this.notifications = notifications;
        this.live = live;
    }

    record ReadChange(@NotNull Boolean read) {
    }

    /** Newest first; {@code unread=true} leaves out the read ones. */
    @GetMapping
    PageResponse<NotificationResponse> list(@RequestParam(defaultValue = "false") boolean unread,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String cursor,
                                            @AuthenticationPrincipal AuthenticatedUser me) {
        NotificationPage page = queries.one(new ListNotifications(me.id(), unread, Cursor.decode(cursor),
                PageLimit.of(limit)), NotificationPage.class);
        return PageResponse.of(page.items(), page.nextCursor(), NotificationResponse::of);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal AuthenticatedUser me) {
        return Map.of("count", queries.one(new CountUnread(me.id()), Long.class));
    }

    @PostMapping("/mark-all-read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markAllRead(@AuthenticationPrincipal AuthenticatedUser me) {
        readState.markAllRead(me.id());
        live.unreadCountChanged(me.id());
    }

    @PatchMapping("/{notificationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void mark(@PathVariable UUID notificationId, @Valid @RequestBody ReadChange body,
              @AuthenticationPrincipal AuthenticatedUser me) {
        if (!notifications.belongsTo(notificationId, me.id())) {
            throw new NotFoundException("No such notification");
        }
        readState.mark(me.id(), notificationId, body.read());
        live.unreadCountChanged(me.id());
    }
}
