package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The home timelines: per user, the posts pushed to them, newest first. Two adapters behind one
 * contract test: SQL (the embedded default) and Redis (one sorted set per user, capped).
 */
public interface TimelineStore {

    /** Puts one post into many timelines (fan-out); pushing it twice changes nothing. */
    void push(Collection<UUID> owners, TimelineEntry entry);

    /**
     * {@link #push} for each batch of owners, in order, until the batches run out; they may be
     * read lazily (a page of followers at a time). This one pushes a batch before it takes the
     * next; a store may send the next batch while the last one is still being written.
     */
    default void pushEach(Iterator<? extends Collection<UUID>> batches, TimelineEntry entry) {
        batches.forEachRemaining(owners -> push(owners, entry));
    }

    /** Adds posts to one timeline (a new follow's recent posts). */
    void merge(UUID owner, List<TimelineEntry> entries);

    /** Takes one post out of many timelines. */
    void remove(Collection<UUID> owners, TimelineEntry entry);

    /** Takes every post of {@code authorId} out of the owner's timeline (unfollow, block). */
    void removeAuthor(UUID owner, UUID authorId);

    /** Empties one timeline (its owner's account is gone). */
    void clear(UUID owner);

    /** Empties every timeline, for a rebuild. */
    void clearAll();

    /**
     * Up to {@code limit} entries after the cursor ({@code null}: from the newest), newest first;
     * entries with the same time are ordered by post id, so paging never repeats or skips one.
     */
    default List<TimelineEntry> page(UUID owner, Cursor after, int limit) {
        return slice(owner, after, limit).map(Slice::entries).orElse(List.of());
    }

    /**
     * {@link #page} and whether the timeline is complete (no older entry was dropped for the cap);
     * empty when the store is not {@linkplain #isIntact() intact}, decided in the same step as the
     * read, so a read just after a loss never mistakes a lost timeline for an empty one.
     */
    Optional<Slice> slice(UUID owner, Cursor after, int limit);

    record Slice(List<TimelineEntry> entries, boolean complete) {
    }

    /** How many entries the timeline holds; a store with a cap holds about the cap at most. */
    long size(UUID owner);

    /**
     * Whether the store still holds what was written to it. A store that can lose its data
     * (Redis restarted without persistence, or flushed) says no until it is rebuilt.
     */
    boolean isIntact();

    /** Declares the store rebuilt. */
    void markIntact();
}
