package io.glimpse.api.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.glimpse.api.post.PostResponse.UserSummary;
import io.glimpse.query.notification.NotificationView;

import java.time.Instant;
import java.util.UUID;

/** The Notification object of the API contract; {@code post} and {@code comment} only when it is about one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationResponse(UUID id, NotificationView.Type type, UserSummary actor,
                                   NotificationView.PostRef post, NotificationView.CommentRef comment,
                                   Instant createdAt, boolean read) {

    public static NotificationResponse of(NotificationView notification) {
        return new NotificationResponse(notification.id(), notification.type(), UserSummary.of(notification.actor()),
                notification.post(), notification.comment(), notification.createdAt(), notification.read());
    }
}
