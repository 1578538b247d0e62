package io.glimpse.query.social;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.user.UserChange;
import io.glimpse.query.user.UserView;
import io.glimpse.query.user.UserViewRepository;
import io.glimpse.query.user.UserWriter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * The {@code follow} and {@code block} tables and the follower counters on {@code user_view}.
 * Counters move only when a row really appears or disappears, and the projection writing them is
 * single-threaded, so they equal the list sizes exactly.
 */
@Repository
public class SocialGraphRepository {


    private static final String RELATION_TO_VIEWER = """
            exists (select 1 from user_follow x where x.follower_id = :viewer and x.followee_id = u.id) as followed_by_me,
            exists (select 1 from user_follow x where x.follower_id = u.id and x.followee_id = :viewer) as follows_me,
            exists (select 1 from user_block x where x.blocker_id = :viewer and x.blocked_id = u.id) as blocked_by_me,
            exists (select 1 from user_block x where x.blocker_id = u.id and x.blocked_id = :viewer) as blocks_me""";

    private static final RowMapper<Relation> RELATION = (rs, row) -> new Relation(rs.getBoolean("followed_by_me"),
            rs.getBoolean("follows_me"), rs.getBoolean("blocked_by_me"), rs.getBoolean("blocks_me"));

    private final JdbcClient jdbc;
    private final UserWriter writer;

    public SocialGraphRepository(JdbcClient jdbc, UserWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    public void follow(UUID followerId, UUID followeeId, Instant at) {
        writer.record(new UserChange.Followed(followerId, followeeId, at));
    }

    public void unfollow(UUID followerId, UUID followeeId) {
        writer.record(new UserChange.Unfollowed(followerId, followeeId));
    }

    public void block(UUID blockerId, UUID blockedId, Instant at) {
        writer.record(new UserChange.Blocked(blockerId, blockedId, at));
    }

    public void unblock(UUID blockerId, UUID blockedId) {
        writer.record(new UserChange.Unblocked(blockerId, blockedId));
    }

    /** Removes a deleted account from every list and count. */
    public void forget(UUID userId) {
        writer.record(new UserChange.Forgotten(userId));
    }

    public void deleteAll() {
        jdbc.sql("delete from user_follow").update();
        jdbc.sql("delete from user_block").update();
    }

    /** The users {@code userId} blocks and those who block {@code userId}: hidden from each other everywhere. */
    public java.util.Set<UUID> blockedEitherWay(UUID userId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        select blocked_id from user_block where blocker_id = :user
                        union
                        select blocker_id from user_block where blocked_id = :user""")
                .param("user", userId)
                .query(UUID.class)
                .list());
    }

    public Relation relation(UUID viewerId, UUID userId) {
        if (viewerId == null) {
            return Relation.NONE;
        }
        return jdbc.sql("select " + RELATION_TO_VIEWER + " from user_view u where u.id = :user")
                .param("viewer", viewerId).param("user", userId)
                .query(RELATION)
                .optional()
                .orElse(Relation.NONE);
    }

    public Keyset.Slice<ViewedUser> followers(UUID userId, UUID viewerId, Cursor after, int limit) {
        return edges("user_follow", "followee_id", "follower_id", userId, viewerId, after, limit);
    }

    public Keyset.Slice<ViewedUser> following(UUID userId, UUID viewerId, Cursor after, int limit) {
        return edges("user_follow", "follower_id", "followee_id", userId, viewerId, after, limit);
    }

    /** Whom the blocker blocks: the one list a block does not hide (see {@link BlockPolicy}). */
    public Keyset.Slice<ViewedUser> blocked(UUID blockerId, Cursor after, int limit) {
        return edges("user_block", "blocker_id", "blocked_id", blockerId, blockerId, "true", after, limit);
    }

    /**
     * One page of the users at the {@code other} end of {@code table}'s rows whose {@code owner}
     * column is {@code ownerId}, newest row first, by keyset on (created_at, other). Users on
     * either side of a block with the viewer are left out ({@link BlockPolicy}). Any table of (owner, user, created_at) rows works: follows,
     * blocks, likes.
     */
    public Keyset.Slice<ViewedUser> edges(String table, String owner, String other, UUID ownerId,
                                          UUID viewerId, Cursor after, int limit) {
        return edges(table, owner, other, ownerId, viewerId, BlockPolicy.neitherBlocks("u.id", ":viewer"), after, limit);
    }

    private Keyset.Slice<ViewedUser> edges(String table, String owner, String other, UUID ownerId,
                                           UUID viewerId, String shown, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        List<Edge> rows = jdbc.sql("select " + UserViewRepository.columns("u") + ", e.created_at as edge_time, "
                        + RELATION_TO_VIEWER + " from " + table + " e join user_view u on u.id = e." + other
                        + " where e." + owner + " = :owner"
                        + "   and (e.created_at, e." + other + ") < (:time, :id)"
                        + "   and " + shown
                        + " order by e.created_at desc, e." + other + " desc limit :limit")
                .param("owner", ownerId)
                .param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .param("time", utc(from.time()))
                .param("id", from.id())
                .param("limit", limit + 1)
                .query((rs, row) -> {
                    UserView user = UserViewRepository.USER.mapRow(rs, row);
                    Relation relation = viewerId == null ? null : RELATION.mapRow(rs, row);
                    return new Edge(new ViewedUser(user, relation),
                            rs.getObject("edge_time", OffsetDateTime.class).toInstant());
                })
                .list();
        Keyset.Slice<Edge> page = Keyset.slice(rows, limit, edge -> new Cursor(edge.at(), edge.user().user().id()));
        return new Keyset.Slice<>(page.items().stream().map(Edge::user).toList(), page.nextCursor());
    }

    private record Edge(ViewedUser user, Instant at) {
    }
}
