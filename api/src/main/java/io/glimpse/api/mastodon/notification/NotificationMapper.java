package io.glimpse.api.mastodon.notification;

import io.glimpse.api.mastodon.account.AccountMapper;
import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.status.MastodonStatus;
import io.glimpse.api.mastodon.status.StatusMapper;
import io.glimpse.api.mastodon.status.StatusTarget;
import io.glimpse.api.mastodon.status.Statuses;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.query.notification.NotificationView.Type;
import io.glimpse.query.notification.NotificationView;
import io.glimpse.query.user.UserView;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Glimpse's notifications in Mastodon's types: a follow is {@code follow}; a like of a post or a
 * comment is {@code favourite} of that status; a comment on your post and a mention are
 * {@code mention}, as Mastodon notifies replies. A notification whose status the viewer can no
 * longer see is left out.
 */
@Component
class NotificationMapper {

    private final Accounts accounts;
    private final Statuses statuses;
    private final StatusMapper mapper;

    NotificationMapper(Accounts accounts, Statuses statuses, StatusMapper mapper) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.mapper = mapper;
    }

    static String typeOf(Type type) {
        return switch (type) {
            case FOLLOW -> "follow";
            case LIKE, COMMENT_LIKE -> "favourite";
            case COMMENT, MENTION -> "mention";
        };
    }

    List<MastodonNotification> map(List<NotificationView> notifications, AuthenticatedUser me) {
        Map<UUID, UserView> actors = accounts.findAll(notifications.stream().map(n -> n.actor().id()).toList());
        return notifications.stream().map(notification -> map(notification, actors, me)).filter(Objects::nonNull).toList();
    }

    private MastodonNotification map(NotificationView notification, Map<UUID, UserView> actors, AuthenticatedUser me) {
        UserView actor = actors.get(notification.actor().id());
        if (actor == null) {
            return null;
        }
        MastodonStatus status = null;
        if (notification.type() != Type.FOLLOW) {
            UUID statusId = notification.comment() != null ? notification.comment().id()
                    : notification.post() == null ? null : notification.post().id();
            Optional<StatusTarget> target = statusId == null ? Optional.empty() : statuses.find(statusId, me);
            if (target.isEmpty()) {
                return null;
            }
            status = target.get().fold(post -> mapper.post(post.post()),
                    comment -> mapper.comment(comment.comment(), comment.post()));
        }
        String type = typeOf(notification.type());
        return new MastodonNotification(notification.id().toString(), type,
                AccountMapper.timestamp(notification.createdAt()), "ungrouped-" + notification.id(),
                AccountMapper.of(actor), status);
    }
}
