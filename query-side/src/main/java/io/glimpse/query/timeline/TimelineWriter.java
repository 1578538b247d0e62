package io.glimpse.query.timeline;

import io.glimpse.query.batch.ChangeBatch;
import io.glimpse.query.batch.RemovalsFirst;
import io.glimpse.query.batch.Statements;
import io.glimpse.query.timeline.TimelineChange.AuthorRemoved;
import io.glimpse.query.timeline.TimelineChange.Cleared;
import io.glimpse.query.timeline.TimelineChange.EntryChange;
import io.glimpse.query.timeline.TimelineChange.FollowChange;
import io.glimpse.query.timeline.TimelineChange.Followed;
import io.glimpse.query.timeline.TimelineChange.FollowsForgotten;
import io.glimpse.query.timeline.TimelineChange.PostAdded;
import io.glimpse.query.timeline.TimelineChange.PostRemoved;
import io.glimpse.query.timeline.TimelineChange.PostsForgotten;
import io.glimpse.query.timeline.TimelineChange.Pushed;
import io.glimpse.query.timeline.TimelineChange.Removed;
import io.glimpse.query.timeline.TimelineChange.SourcePostChange;
import io.glimpse.query.timeline.TimelineChange.Unfollowed;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Writes the timeline processor's SQL tables, each from a batch of its own: the SQL store's
 * entries when the processor's batch commits (nothing in the processor reads them back), its
 * sources' follows and posts when it commits or when a handler is about to read that table
 * ({@link #flushFollows}, {@link #flushPosts}): a replay's follows, then its posts, each cost one
 * JDBC batch and the one query their fan-out or backfill needs.
 *
 * <p>Each table's batch is applied as {@link RemovalsFirst}: removals first (one JDBC batch per
 * statement), then what was added and not taken back later in the batch, which gives what applying
 * them one by one in event order would for any sequence (follow, unfollow, follow again leaves the
 * last follow). Entries are inserted in the order of their owners, the order of the index they
 * go into, so that each lands next to the one before and finds its page in cache
 * (benchmark/README.md, step 12).
 */
@Component
class TimelineWriter {

    /** Idempotent: an entry is one post in one owner's timeline, its time included. */
    private static final String INSERT = """
            insert into timeline_entry (owner_id, post_id, author_id, created_at)
            select ?, ?, ?, ?
             where not exists (select 1 from timeline_entry where owner_id = ? and created_at = ? and post_id = ?)""";
    /**
     * The same on PostgreSQL, whose driver folds a batch of {@code insert ... values} into
     * multi-row inserts ({@code reWriteBatchedInserts}): a fan-out's entries are a few statements
     * instead of one each. The entry's unique index tells a duplicate.
     */
    private static final String INSERT_ON_POSTGRES = """
            insert into timeline_entry (owner_id, post_id, author_id, created_at)
            values (?, ?, ?, ?) on conflict do nothing""";
    /** A replay writing a post again corrects the position of a row written before positions were kept. */
    private static final String MERGE_POST = """
            merge into timeline_post t
            using (select cast(? as uuid) as post_id, cast(? as uuid) as author_id,
                          cast(? as timestamp(6) with time zone) as created_at, cast(? as bigint) as event_position) s
               on t.post_id = s.post_id
             when matched and t.event_position <> s.event_position then update set event_position = s.event_position
             when not matched then insert (post_id, author_id, created_at, event_position)
                                   values (s.post_id, s.author_id, s.created_at, s.event_position)""";
    /**
     * A replay finds the row a later follow wrote (after an unfollow) and moves it back to this
     * one; the unfollow in between then removes it, and the later follow writes it anew.
     */
    private static final String MERGE_FOLLOW = """
            merge into timeline_follow t
            using (select cast(? as uuid) as follower_id, cast(? as uuid) as followee_id,
                          cast(? as bigint) as event_position) s
               on t.follower_id = s.follower_id and t.followee_id = s.followee_id
             when matched and t.event_position <> s.event_position then update set event_position = s.event_position
             when not matched then insert (follower_id, followee_id, event_position)
                                   values (s.follower_id, s.followee_id, s.event_position)""";
    /** The order both databases keep UUIDs in: unsigned, the most significant half first. */
    private static final Comparator<UUID> IN_INDEX_ORDER = Comparator
            .<UUID>comparingLong(id -> id.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(id -> id.getLeastSignificantBits() ^ Long.MIN_VALUE);

    private record OwnedEntry(UUID owner, TimelineEntry entry) {
    }

    private record Follow(UUID followerId, UUID followeeId) {
    }

    private final JdbcOperations jdbc;
    private final boolean onPostgres;
    private final ChangeBatch<EntryChange> entries = new ChangeBatch<>("timeline-entries", this::writeEntries);
    private final ChangeBatch<FollowChange> follows = new ChangeBatch<>("timeline-follows", this::writeFollows);
    private final ChangeBatch<SourcePostChange> posts = new ChangeBatch<>("timeline-posts", this::writePosts);

    TimelineWriter(JdbcOperations jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        try {
            this.onPostgres = "PostgreSQL".equals(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the timelines are in", e);
        }
    }

    void record(EntryChange change) {
        entries.add(change);
    }

    void record(FollowChange change) {
        follows.add(change);
    }

    void record(SourcePostChange change) {
        posts.add(change);
    }

    /** Before reading {@code timeline_follow}: writes the batch's follows so far. */
    void flushFollows() {
        follows.flush();
    }

    /** Before reading {@code timeline_post}: writes the batch's posts so far. */
    void flushPosts() {
        posts.flush();
    }

    private void writeEntries(List<EntryChange> changes) {
        RemovalsFirst<OwnedEntry, OwnedEntry> timelines = new RemovalsFirst<>();
        for (EntryChange change : changes) {
            if (change instanceof Pushed pushed) {
                pushed.owners().forEach(owner -> timelines.add(new OwnedEntry(owner, pushed.entry()),
                        new OwnedEntry(owner, pushed.entry())));
            } else if (change instanceof Removed removed) {
                OffsetDateTime at = utc(removed.entry().createdAt());
                removed.owners().forEach(owner -> timelines.remove(new OwnedEntry(owner, removed.entry()),
                        "delete from timeline_entry where owner_id = ? and created_at = ? and post_id = ?",
                        owner, at, removed.entry().postId()));
            } else if (change instanceof AuthorRemoved removed) {
                timelines.removeAll(row -> row.owner().equals(removed.owner())
                                && row.entry().authorId().equals(removed.authorId()),
                        "delete from timeline_entry where owner_id = ? and author_id = ?",
                        removed.owner(), removed.authorId());
            } else if (change instanceof Cleared cleared) {
                timelines.removeAll(row -> row.owner().equals(cleared.owner()),
                        "delete from timeline_entry where owner_id = ?", cleared.owner());
            }
        }
        List<Object[]> rows = timelines.removeThenAdditions(jdbc).stream()
                .sorted(Comparator.comparing(OwnedEntry::owner, IN_INDEX_ORDER))
                .map(row -> {
                    TimelineEntry entry = row.entry();
                    OffsetDateTime at = utc(entry.createdAt());
                    return onPostgres ? new Object[]{row.owner(), entry.postId(), entry.authorId(), at}
                            : new Object[]{row.owner(), entry.postId(), entry.authorId(), at, row.owner(), at,
                            entry.postId()};
                })
                .toList();
        Statements.run(jdbc, onPostgres ? INSERT_ON_POSTGRES : INSERT, rows);
    }

    private void writeFollows(List<FollowChange> changes) {
        RemovalsFirst<Follow, Followed> graph = new RemovalsFirst<>();
        for (FollowChange change : changes) {
            if (change instanceof Followed followed) {
                graph.add(new Follow(followed.followerId(), followed.followeeId()), followed);
            } else if (change instanceof Unfollowed unfollowed) {
                graph.remove(new Follow(unfollowed.followerId(), unfollowed.followeeId()),
                        "delete from timeline_follow where follower_id = ? and followee_id = ?",
                        unfollowed.followerId(), unfollowed.followeeId());
            } else if (change instanceof FollowsForgotten forgotten) {
                UUID user = forgotten.userId();
                graph.removeAll(f -> f.followerId().equals(user) || f.followeeId().equals(user),
                        "delete from timeline_follow where follower_id = ? or followee_id = ?", user, user);
            }
        }
        Statements.run(jdbc, MERGE_FOLLOW, graph.removeThenAdditions(jdbc).stream()
                .map(f -> new Object[]{f.followerId(), f.followeeId(), f.position()}).toList());
    }

    private void writePosts(List<SourcePostChange> changes) {
        RemovalsFirst<UUID, PostAdded> sources = new RemovalsFirst<>();
        for (SourcePostChange change : changes) {
            if (change instanceof PostAdded added) {
                sources.add(added.post().postId(), added);
            } else if (change instanceof PostRemoved removed) {
                sources.remove(removed.postId(), "delete from timeline_post where post_id = ?", removed.postId());
            } else if (change instanceof PostsForgotten forgotten) {
                sources.removeAll(p -> p.post().authorId().equals(forgotten.authorId()),
                        "delete from timeline_post where author_id = ?", forgotten.authorId());
            }
        }
        Statements.run(jdbc, MERGE_POST, sources.removeThenAdditions(jdbc).stream().map(added -> new Object[]{
                added.post().postId(), added.post().authorId(), utc(added.post().createdAt()), added.position()}).toList());
    }
}
