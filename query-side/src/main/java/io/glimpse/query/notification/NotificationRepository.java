package io.glimpse.query.notification;

import io.glimpse.query.notification.NotificationView.CommentRef;
import io.glimpse.query.notification.NotificationView.PostRef;
import io.glimpse.query.notification.NotificationView.Type;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostView.AuthorView;
import io.glimpse.query.social.BlockPolicy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * The notifications read model. Rows are rebuilt from events; whether one is read is the user's own
 * state and lives apart ({@link NotificationReadState}), so a replay keeps it.
 */
@Repository
public class NotificationRepository {

    /** Shown: actor still exists (inner join) and no block between recipient and actor, either way. */
    private static final String INBOX = """
            select n.id, n.type, n.post_id, n.comment_id, n.created_at,
                   u.id as actor_id, u.username, u.display_name, u.avatar_url,
                   (select m.thumbnail_url from post_media m where m.post_id = n.post_id and m.position = 0) as thumbnail_url,
                   (select c.text from comment_view c where c.id = n.comment_id) as comment_text,
                   coalesce((select o.is_read from notification_read_override o where o.notification_id = n.id),
                            n.created_at <= coalesce((select r.read_until from notification_read_marker r
                                                       where r.recipient_id = n.recipient_id),
                                                     timestamp with time zone '1970-01-01 00:00:00+00')) as is_read
              from notification n join user_view u on u.id = n.actor_id
             where n.recipient_id = :recipient and\s""" + BlockPolicy.neitherBlocks("n.recipient_id", "n.actor_id");

    private static final RowMapper<NotificationView> NOTIFICATION = (rs, row) -> {
        UUID postId = rs.getObject("post_id", UUID.class);
        UUID commentId = rs.getObject("comment_id", UUID.class);
        return new NotificationView(rs.getObject("id", UUID.class), Type.valueOf(rs.getString("type")),
                new AuthorView(rs.getObject("actor_id", UUID.class), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("avatar_url")),
                postId == null ? null : new PostRef(postId, rs.getString("thumbnail_url")),
                commentId == null ? null : new CommentRef(commentId, rs.getString("comment_text")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("is_read"));
    };

    private final JdbcClient jdbc;

    private final NotificationWriter writer;

    public NotificationRepository(JdbcClient jdbc, NotificationWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /** Adds a notification unless it would tell users about themselves; {@link NotificationIds} gives its id. */
    public Optional<Addressed> add(String eventId, UUID recipientId, Type type, UUID actorId, UUID postId,
                                   UUID commentId, Instant at) {
        if (recipientId == null || recipientId.equals(actorId)) {
            return Optional.empty();
        }
        UUID id = NotificationIds.of(eventId, recipientId, type, at);
        writer.record(new NotificationChange.Added(id, recipientId, type, actorId, postId, commentId, at));
        return Optional.of(new Addressed(id, recipientId));
    }

    /**
     * Which notifications a removal takes away: the one an action caused (a follow, a like), found
     * by what it names (who did it, whom it told, about which post or comment; undone actions are
     * rare, and an actor has few notifications for one recipient, so the actor's index finds it),
     * or all about a post, a comment, or involving a user. Applied when the batch commits.
     */
    public void remove(NotificationChange.Removal removal) {
        writer.record(removal);
    }

    /** A notification and whose inbox it is in. */
    public record Addressed(UUID id, UUID recipientId) {
    }

    /**
     * What {@code removal} takes away, this batch's own notifications included (it sends the
     * batch so far first): for the live feed, which asks only while events are live.
     */
    public List<Addressed> removedBy(NotificationChange.Removal removal) {
        writer.flush();
        return jdbc.sql("select id, recipient_id from notification where " + removal.where())
                .params(removal.parameters())
                .query((rs, row) -> new Addressed(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class)))
                .list();
    }

    /** The recipient's notifications among {@code ids} as their inbox shows them: blocked actors left out. */
    public List<NotificationView> inboxItems(UUID recipientId, Collection<UUID> ids) {
        return jdbc.sql(INBOX + " and n.id in (:ids)")
                .param("recipient", recipientId)
                .param("ids", ids)
                .query(NOTIFICATION)
                .list();
    }

    public void deleteAll() {
        jdbc.sql("delete from notification").update();
    }

    public Keyset.Slice<NotificationView> inbox(UUID recipientId, boolean unreadOnly, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        List<NotificationView> rows = jdbc.sql("select * from (" + INBOX + " " + """
                         and (n.created_at, n.id) < (:time, :id)) inbox
                         where not :unreadOnly or not inbox.is_read
                         order by inbox.created_at desc, inbox.id desc limit :limit""")
                .param("recipient", recipientId)
                .param("time", utc(from.time())).param("id", from.id())
                .param("unreadOnly", unreadOnly)
                .param("limit", limit + 1)
                .query(NOTIFICATION)
                .list();
        return Keyset.slice(rows, limit, notification -> new Cursor(notification.createdAt(), notification.id()));
    }

    public long unreadCount(UUID recipientId) {
        return jdbc.sql("select count(*) from (" + INBOX + ") inbox where not inbox.is_read")
                .param("recipient", recipientId)
                .query(Long.class)
                .single();
    }

    public boolean belongsTo(UUID notificationId, UUID recipientId) {
        return jdbc.sql("select count(*) from notification where id = ? and recipient_id = ?")
                .params(notificationId, recipientId)
                .query(Long.class)
                .single() > 0;
    }
}
