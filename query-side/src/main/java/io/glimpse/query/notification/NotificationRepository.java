package io.glimpse.query.notification;

import io.glimpse.query.batch.BatchedWrites;
import io.glimpse.query.notification.NotificationView.CommentRef;
import io.glimpse.query.notification.NotificationView.PostRef;
import io.glimpse.query.notification.NotificationView.Type;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostView.AuthorView;
import io.glimpse.query.social.BlockFilter;
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
             where n.recipient_id = :recipient and\s""" + BlockFilter.noBlockBetween("n.recipient_id", "n.actor_id");

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

    private final BatchedWrites writes;

    public NotificationRepository(JdbcClient jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Adds a notification unless it would tell users about themselves; {@link NotificationIds} gives its id. */
    public Optional<Addressed> add(String eventId, UUID recipientId, Type type, UUID actorId, UUID postId,
                                   UUID commentId, Instant at) {
        if (recipientId == null || recipientId.equals(actorId)) {
            return Optional.empty();
        }
        UUID id = NotificationIds.of(eventId, recipientId, type, at);
        writes.update("""
                insert into notification (id, recipient_id, type, actor_id, post_id, comment_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, recipientId, type.name(), actorId, postId, commentId, utc(at));
        return Optional.of(new Addressed(id, recipientId));
    }

    /**
     * Which notifications a removal takes away: the one an action caused (a follow, a like), found
     * by what it names (who did it, whom it told, about which post or comment; undone actions are
     * rare, and an actor has few notifications for one recipient, so the actor's index finds it),
     * or all about a post, a comment, or involving a user.
     */
    public record Removal(String where, Object... args) {

        public static Removal causedBy(Type type, UUID actorId, UUID recipientId, UUID postId, UUID commentId) {
            return new Removal("""
                    actor_id = ? and recipient_id = ? and type = ?
                       and post_id is not distinct from ? and comment_id is not distinct from ?""",
                    actorId, recipientId, type.name(), postId, commentId);
        }

        public static Removal aboutPost(UUID postId) {
            return new Removal("post_id = ?", postId);
        }

        public static Removal aboutComment(UUID postId, UUID commentId) {
            return new Removal("post_id = ? and comment_id = ?", postId, commentId);
        }

        public static Removal involving(UUID userId) {
            return new Removal("recipient_id = ? or actor_id = ?", userId, userId);
        }
    }

    /** A notification and whose inbox it is in. */
    public record Addressed(UUID id, UUID recipientId) {
    }

    public void remove(Removal removal) {
        writes.update("delete from notification where " + removal.where(), removal.args());
    }

    /** What {@link #remove} would take away now, including what this batch wrote so far (for the live feed). */
    public List<Addressed> removedBy(Removal removal) {
        writes.sendBeforeReading("notification");
        return jdbc.sql("select id, recipient_id from notification where " + removal.where())
                .params(removal.args())
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

    public Optional<UUID> userIdOf(String username) {
        return jdbc.sql("select id from user_view where username = ?").param(username).query(UUID.class).optional();
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
