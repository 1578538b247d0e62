package io.glimpse.query.like;

import io.glimpse.query.batch.BatchedWrites;
import io.glimpse.query.batch.Counter;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.social.SocialGraphRepository;
import io.glimpse.query.social.ViewedUser;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Who likes which post or comment ({@code post_like}, {@code comment_like}) and the like counters.
 * A counter moves only when a row really appears or disappears, so it equals its likers' count.
 */
@Repository
public class LikeRepository {

    private final BatchedWrites writes;
    private final SocialGraphRepository graph;

    public LikeRepository(BatchedWrites writes, SocialGraphRepository graph) {
        this.writes = writes;
        this.graph = graph;
    }

    /** The two kinds of like: what is liked, where its likers and its counter are kept. */
    public enum Target {
        POST("post_like", "post_id", "post_view"),
        COMMENT("comment_like", "comment_id", "comment_view");

        final String likes;
        final String key;
        final String counted;
        final Counter counter;

        Target(String likes, String key, String counted) {
            this.likes = likes;
            this.key = key;
            this.counted = counted;
            this.counter = new Counter(counted, "likes_count");
        }
    }

    public void like(Target target, UUID likedId, UUID userId, Instant at) {
        writes.update("insert into " + target.likes + " (" + target.key + ", user_id, created_at) "
                        + "select ?, ?, ? where exists (select 1 from " + target.counted + " where id = ?)",
                likedId, userId, utc(at), likedId)
                .concerns(likedId)
                .moves(target.counter, likedId, +1);
    }

    public void unlike(Target target, UUID likedId, UUID userId) {
        writes.update("delete from " + target.likes + " where " + target.key + " = ? and user_id = ?", likedId, userId)
                .concerns(likedId)
                .moves(target.counter, likedId, -1);
    }

    /** A deleted account's likes leave, and with them their share of every counter. */
    public void deleteAllBy(UUID userId) {
        for (Target target : Target.values()) {
            writes.update("update " + target.counted + " set likes_count = likes_count - 1 where id in (select "
                    + target.key + " from " + target.likes + " where user_id = ?)", userId);
            writes.update("delete from " + target.likes + " where user_id = ?", userId);
        }
    }

    /** Who liked a post, newest like first; users who block the viewer are left out. */
    public Keyset.Slice<ViewedUser> likers(UUID postId, UUID viewerId, Cursor after, int limit) {
        return graph.edges("post_like", "post_id", "user_id", postId, viewerId, after, limit);
    }
}
