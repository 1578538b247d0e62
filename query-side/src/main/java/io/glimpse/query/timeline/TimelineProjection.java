package io.glimpse.query.timeline;

import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.live.LiveRecorder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fan-out on write: a new post goes into its author's timeline and, in batches, into every
 * follower's, unless the author is a celebrity (more followers than the threshold), whose posts
 * are merged in when timelines are read instead, so that one post never costs millions of writes.
 * A follow brings in the followee's latest posts; an unfollow or a block takes them out.
 *
 * <p>Who followed whom and which posts came before are taken as of the event being handled, by
 * its position in the event stream: during a replay the sources still hold what later events
 * wrote, and a post must reach exactly the followers its author had then, a follow bring in
 * exactly the posts written before it.
 */
@Component
@ProcessingGroup(TimelineProjection.NAME)
public class TimelineProjection {

    public static final String NAME = "timeline-projection";

    private final TimelineStore store;
    private final TimelineSources sources;
    private final TimelineProperties properties;
    private final LiveRecorder live;

    TimelineProjection(TimelineStore store, TimelineSources sources, TimelineProperties properties, LiveRecorder live) {
        this.store = store;
        this.sources = sources;
        this.properties = properties;
        this.live = live;
    }

    @EventHandler
    void on(PostCreated event, @Timestamp Instant at, TrackingToken token) {
        long position = position(token);
        TimelineEntry entry = new TimelineEntry(event.postId(), event.authorId(), at.truncatedTo(ChronoUnit.MICROS));
        sources.addPost(entry, position);
        push(Stream.of(List.of(event.authorId())), entry);
        List<UUID> firstFollowers = sources.followers(event.authorId(), position, null, properties.fanOutBatch());
        if (!isCelebrity(event.authorId(), position, firstFollowers)) {
            push(followerBatches(event.authorId(), position, firstFollowers), entry);
        }
    }

    /** Out of every timeline it may be in: whoever follows the author now. */
    @EventHandler
    void on(PostDeleted event) {
        sources.removePost(event.postId()).ifPresent(entry -> {
            remove(List.of(event.authorId()), entry);
            followerBatches(event.authorId(), Long.MAX_VALUE,
                    sources.followers(event.authorId(), Long.MAX_VALUE, null, properties.fanOutBatch()))
                    .forEach(followers -> remove(followers, entry));
        });
    }

    @EventHandler
    void on(UserFollowed event, TrackingToken token) {
        long position = position(token);
        sources.follow(event.followerId(), event.followeeId(), position);
        List<TimelineEntry> latest = sources.latestPosts(event.followeeId(), position, properties.backfill());
        if (!latest.isEmpty() && !isCelebrity(event.followeeId(), position)) {
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

    /** Into these timelines, batch by batch; the live streams hear of it once every one of them has it. */
    private void push(Stream<List<UUID>> batches, TimelineEntry entry) {
        List<List<UUID>> pushed = new ArrayList<>();
        store.pushEach(batches.peek(pushed::add).iterator(), entry);
        pushed.forEach(owners -> live.enteredTimelines(owners, entry));
    }

    private void remove(List<UUID> owners, TimelineEntry entry) {
        store.remove(owners, entry);
        live.leftTimelines(owners, entry.postId());
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("No position in " + token));
    }

    private boolean isCelebrity(UUID authorId, long position) {
        return sources.followerCount(authorId, position) > properties.celebrityThreshold();
    }

    /** A first batch of followers that is not full is all of them: counting them again is spared. */
    private boolean isCelebrity(UUID authorId, long position, List<UUID> firstFollowers) {
        return firstFollowers.size() < properties.fanOutBatch()
                ? firstFollowers.size() > properties.celebrityThreshold()
                : isCelebrity(authorId, position);
    }

    /**
     * The author's followers a page at a time, from the first page on; each next page is read only
     * when it is asked for, so a store can write one page while the next is read.
     */
    private Stream<List<UUID>> followerBatches(UUID authorId, long position, List<UUID> first) {
        return Stream.iterate(first, batch -> !batch.isEmpty(), batch -> batch.size() < properties.fanOutBatch()
                ? List.of()
                : sources.followers(authorId, position, batch.get(batch.size() - 1), properties.fanOutBatch()));
    }
}
