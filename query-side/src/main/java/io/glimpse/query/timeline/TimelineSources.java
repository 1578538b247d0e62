package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * What the timeline processor knows about follows and posts ({@code timeline_follow},
 * {@code timeline_post}). It keeps its own copy instead of reading other projections' tables, so
 * that it sees follows and posts in exactly the order of the events: a post is fanned out to
 * precisely the followers its author had when it was written. Also the source of timelines pulled
 * from SQL: celebrities' posts, pages beyond a Redis timeline's cap, and every page while Redis is
 * being rebuilt. Its writes are idempotent and a replay does not empty it, so those pulls stay
 * whole while the processor replays; every row keeps the position of the event that wrote it, so
 * that the processor can still ask who followed, and which posts existed, before a given event.
 * Its writes wait for the end of the processor's batch like the store's ({@link TimelineWriter}),
 * and its reads write the batch's changes to the table they read first.
 */
@Repository
public class TimelineSources {

    private final JdbcClient jdbc;
    private final TimelineWriter writer;

    public TimelineSources(JdbcClient jdbc, TimelineWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /**
     * Records the post and the position of the event that wrote it; a replay writing it again
     * corrects the position of a row written before positions were kept.
     */
    void addPost(TimelineEntry post, long position) {
        writer.record(new TimelineChange.PostAdded(post, position));
    }

    Optional<TimelineEntry> removePost(UUID postId) {
        writer.flushPosts();
        Optional<TimelineEntry> post = jdbc.sql("select post_id, author_id, created_at from timeline_post where post_id = ?")
                .param(postId).query(SqlTimelineStore.ENTRY).optional();
        writer.record(new TimelineChange.PostRemoved(postId));
        return post;
    }

    /** Records the follow and the position of the event that made it. */
    void follow(UUID followerId, UUID followeeId, long position) {
        writer.record(new TimelineChange.Followed(followerId, followeeId, position));
    }

    void unfollow(UUID followerId, UUID followeeId) {
        writer.record(new TimelineChange.Unfollowed(followerId, followeeId));
    }

    void forget(UUID userId) {
        writer.record(new TimelineChange.FollowsForgotten(userId));
        writer.record(new TimelineChange.PostsForgotten(userId));
    }

    /** How many followed {@code userId} as of the event at {@code position} (that event included). */
    long followerCount(UUID userId, long position) {
        writer.flushFollows();
        return jdbc.sql("select count(*) from timeline_follow where followee_id = ? and event_position <= ?")
                .params(userId, position).query(Long.class).single();
    }

    /**
     * One batch of those who followed {@code userId} as of the event at {@code position}, in a
     * stable order, after {@code afterFollower} (null for the first).
     */
    List<UUID> followers(UUID userId, long position, UUID afterFollower, int batch) {
        writer.flushFollows();
        return jdbc.sql("""
                        select follower_id from timeline_follow
                         where followee_id = :user and follower_id > :after and event_position <= :position
                         order by follower_id limit :batch""")
                .param("user", userId).param("after", afterFollower == null ? new UUID(0, 0) : afterFollower)
                .param("position", position).param("batch", batch)
                .query(UUID.class)
                .list();
    }

    /** The newest posts {@code authorId} had written as of the event at {@code position}. */
    List<TimelineEntry> latestPosts(UUID authorId, long position, int count) {
        writer.flushPosts();
        return jdbc.sql("""
                        select post_id, author_id, created_at from timeline_post
                         where author_id = ? and event_position <= ?
                         order by created_at desc, post_id desc limit ?""")
                .params(authorId, position, count)
                .query(SqlTimelineStore.ENTRY)
                .list();
    }

    /** The followees of {@code userId} with more followers than {@code threshold}. */
    List<UUID> celebritiesFollowedBy(UUID userId, long threshold) {
        return jdbc.sql("""
                        select f.followee_id from timeline_follow f
                         where f.follower_id = :user
                           and (select count(*) from timeline_follow c where c.followee_id = f.followee_id) > :threshold""")
                .param("user", userId).param("threshold", threshold)
                .query(UUID.class)
                .list();
    }

    /**
     * The timeline computed from scratch: the posts of the owner and of whomever they follow
     * (or only of {@code authors}, when given), newest first, after the cursor.
     */
    List<TimelineEntry> pull(UUID owner, List<UUID> authors, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        String whose = authors == null
                ? "(p.author_id = :owner or p.author_id in (select followee_id from timeline_follow where follower_id = :owner))"
                : "p.author_id in (:authors)";
        return jdbc.sql("select p.post_id, p.author_id, p.created_at from timeline_post p where " + whose
                        + " and (p.created_at, p.post_id) < (:time, :post)"
                        + " order by p.created_at desc, p.post_id desc limit :limit")
                .param("owner", owner)
                .param("authors", authors == null || authors.isEmpty() ? List.of(new UUID(0, 0)) : authors)
                .param("time", utc(from.time())).param("post", from.id()).param("limit", limit)
                .query(SqlTimelineStore.ENTRY)
                .list();
    }
}
