package io.glimpse.query.timeline;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Fan-out on write: a new post goes into its author's timeline and, in batches, into every
 * follower's, unless the author is a celebrity (more followers than the threshold), whose posts
 * are merged in when timelines are read instead, so that one post never costs millions of writes.
 * A follow brings in the followee's latest posts; an unfollow or a block takes them out.
 */
@Component
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection {

    public static final String NAME = "timeline-projection";

    private final TimelineStore store;
    private final TimelineSources sources;
    private final TimelineProperties properties;

    TimelineProjection(TimelineStore store, TimelineSources sources, TimelineProperties properties) {
        this.store = store;
        this.sources = sources;
        this.properties = properties;
    }

    @EventHandler
    void on(PostCreated event, @Timestamp Instant at) {
        TimelineEntry entry = new TimelineEntry(event.postId(), event.authorId(), at.truncatedTo(ChronoUnit.MICROS));
        sources.addPost(entry);
        store.push(List.of(event.authorId()), entry);
        List<UUID> firstFollowers = sources.followers(event.authorId(), null, properties.fanOutBatch());
        if (!isCelebrity(event.authorId(), firstFollowers)) {
            forEachFollowerBatch(event.authorId(), firstFollowers, followers -> store.push(followers, entry));
        }
    }

    @EventHandler
    void on(PostDeleted event) {
        sources.removePost(event.postId()).ifPresent(entry -> {
            store.remove(List.of(event.authorId()), entry);
            forEachFollowerBatch(event.authorId(), sources.followers(event.authorId(), null, properties.fanOutBatch()),
                    followers -> store.remove(followers, entry));
        });
    }

    @EventHandler
    void on(UserFollowed event) {
        sources.follow(event.followerId(), event.followeeId());
        List<TimelineEntry> latest = sources.latestPosts(event.followeeId(), properties.backfill());
        if (!latest.isEmpty() && !isCelebrity(event.followeeId())) {
            store.merge(event.followerId(), latest);
        }
    }

    @EventHandler
    void on(UserUnfollowed event) {
        sources.unfollow(event.followerId(), event.followeeId());
        store.removeAuthor(event.followerId(), event.followeeId());
    }

    /** The follows a block ends arrive as unfollows; this also covers posts that came in otherwise. */
    @EventHandler
    void on(UserBlocked event) {
        store.removeAuthor(event.blockerId(), event.blockedId());
        store.removeAuthor(event.blockedId(), event.blockerId());
    }

    /** Their posts left in others' timelines are dropped when read: deleted posts never show. */
    @EventHandler
    void on(UserDeleted event) {
        store.clear(event.userId());
        sources.forget(event.userId());
    }

    /** Empties the store only: the sources are rewritten idempotently and must keep serving reads meanwhile. */
    @ResetHandler
    void reset() {
        store.clearAll();
    }

    private boolean isCelebrity(UUID authorId) {
        return sources.followerCount(authorId) > properties.celebrityThreshold();
    }

    /** A first batch of followers that is not full is all of them: counting them again is spared. */
    private boolean isCelebrity(UUID authorId, List<UUID> firstFollowers) {
        return firstFollowers.size() < properties.fanOutBatch()
                ? firstFollowers.size() > properties.celebrityThreshold()
                : isCelebrity(authorId);
    }

    private void forEachFollowerBatch(UUID authorId, List<UUID> first, Consumer<List<UUID>> action) {
        List<UUID> batch = first;
        while (!batch.isEmpty()) {
            action.accept(batch);
            batch = batch.size() < properties.fanOutBatch() ? List.of()
                    : sources.followers(authorId, batch.get(batch.size() - 1), properties.fanOutBatch());
        }
    }
}
