package io.glimpse.query.timeline;

import java.util.Collection;
import java.util.UUID;

/**
 * A change to one of the timeline processor's SQL tables, recorded by its handlers and applied
 * by {@link TimelineWriter}: the SQL store's entries when their batch commits, the sources'
 * follows and posts when it commits or before the processor reads them back.
 */
sealed interface TimelineChange {

    /** To {@code timeline_entry}, the SQL store's timelines. */
    sealed interface EntryChange extends TimelineChange {
    }

    record Pushed(Collection<UUID> owners, TimelineEntry entry) implements EntryChange {
    }

    record Removed(Collection<UUID> owners, TimelineEntry entry) implements EntryChange {
    }

    record AuthorRemoved(UUID owner, UUID authorId) implements EntryChange {
    }

    record Cleared(UUID owner) implements EntryChange {
    }

    /** To {@code timeline_follow}, the processor's own copy of who follows whom. */
    sealed interface FollowChange extends TimelineChange {
    }

    record Followed(UUID followerId, UUID followeeId, long position) implements FollowChange {
    }

    record Unfollowed(UUID followerId, UUID followeeId) implements FollowChange {
    }

    record FollowsForgotten(UUID userId) implements FollowChange {
    }

    /** To {@code timeline_post}, the processor's own copy of the posts. */
    sealed interface SourcePostChange extends TimelineChange {
    }

    record PostAdded(TimelineEntry post, long position) implements SourcePostChange {
    }

    record PostRemoved(UUID postId) implements SourcePostChange {
    }

    record PostsForgotten(UUID authorId) implements SourcePostChange {
    }
}
