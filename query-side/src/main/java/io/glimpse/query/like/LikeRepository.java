package io.glimpse.query.like;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostChange.Target;
import io.glimpse.query.post.PostChange;
import io.glimpse.query.post.PostWriter;
import io.glimpse.query.social.SocialGraphRepository;
import io.glimpse.query.social.ViewedUser;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

/**
 * Who likes which post or comment ({@code post_like}, {@code comment_like}) and the like counters,
 * written by {@link PostWriter}. A counter moves only when a row really appears or disappears, so
 * it equals its likers' count.
 */
@Repository
public class LikeRepository {

    private final PostWriter writer;
    private final SocialGraphRepository graph;

    public LikeRepository(PostWriter writer, SocialGraphRepository graph) {
        this.writer = writer;
        this.graph = graph;
    }

    public void like(Target target, UUID likedId, UUID userId, Instant at) {
        writer.record(new PostChange.Liked(target, likedId, userId, at));
    }

    public void unlike(Target target, UUID likedId, UUID userId) {
        writer.record(new PostChange.Unliked(target, likedId, userId));
    }

    /** A deleted account's likes leave, and with them their share of every counter. */
    public void deleteAllBy(UUID userId) {
        writer.record(new PostChange.LikerGone(userId));
    }

    /** Who liked a post, newest like first; users who block the viewer are left out. */
    public Keyset.Slice<ViewedUser> likers(UUID postId, UUID viewerId, Cursor after, int limit) {
        return graph.edges("post_like", "post_id", "user_id", postId, viewerId, after, limit);
    }
}
