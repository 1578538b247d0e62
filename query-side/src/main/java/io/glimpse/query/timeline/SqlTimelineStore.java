package io.glimpse.query.timeline;

import io.glimpse.query.batch.BatchedWrites;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Timelines in the application database ({@code timeline_entry}). Written in the timeline
 * processor's transaction, so they can never be lost apart from the processor's position: always
 * intact, no cap needed. The processor never reads timelines back while it writes them, so its
 * writes wait for the end of its batch ({@link BatchedWrites}): a batch's fan-outs go to
 * PostgreSQL as one JDBC batch instead of one round trip per post.
 */
class SqlTimelineStore implements TimelineStore {

    static final RowMapper<TimelineEntry> ENTRY = (rs, row) -> new TimelineEntry(rs.getObject("post_id", UUID.class),
            rs.getObject("author_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());

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

    private final JdbcClient jdbc;
    private final BatchedWrites writes;
    private final boolean onPostgres;

    private SqlTimelineStore(JdbcClient jdbc, BatchedWrites writes, boolean onPostgres) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.onPostgres = onPostgres;
    }

    /** The store on the database {@code dataSource} connects to. */
    static SqlTimelineStore on(DataSource dataSource, JdbcClient jdbc, BatchedWrites writes) {
        try {
            String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return new SqlTimelineStore(jdbc, writes, "PostgreSQL".equals(database));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the timelines are in", e);
        }
    }

    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        owners.forEach(owner -> insert(owner, entry));
    }

    @Override
    public void merge(UUID owner, List<TimelineEntry> entries) {
        entries.forEach(entry -> insert(owner, entry));
    }

    private void insert(UUID owner, TimelineEntry entry) {
        OffsetDateTime at = utc(entry.createdAt());
        BatchedWrites.Write insert = onPostgres
                ? writes.update(INSERT_ON_POSTGRES, owner, entry.postId(), entry.authorId(), at)
                : writes.update(INSERT, owner, entry.postId(), entry.authorId(), at, owner, at, entry.postId());
        // An entry touches only its owner's timeline, so a batch's fan-outs regroup into one run
        // past the sources' writes between them, and go in owner order: the page index is led by
        // the owner, and entries of nearby owners share its pages (benchmark/README.md, step 12).
        insert.inOrderOf(owner).concerns(owner);
    }

    @Override
    public void remove(Collection<UUID> owners, TimelineEntry entry) {
        OffsetDateTime at = utc(entry.createdAt());
        owners.forEach(owner -> writes.update(
                "delete from timeline_entry where owner_id = ? and created_at = ? and post_id = ?",
                owner, at, entry.postId()));
    }

    @Override
    public void removeAuthor(UUID owner, UUID authorId) {
        writes.update("delete from timeline_entry where owner_id = ? and author_id = ?", owner, authorId);
    }

    @Override
    public void clear(UUID owner) {
        writes.update("delete from timeline_entry where owner_id = ?", owner);
    }

    @Override
    public void clearAll() {
        jdbc.sql("delete from timeline_entry").update();
    }

    @Override
    public Optional<Slice> slice(UUID owner, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        return Optional.of(new Slice(jdbc.sql("""
                        select post_id, author_id, created_at from timeline_entry
                         where owner_id = :owner and (created_at, post_id) < (:time, :post)
                         order by created_at desc, post_id desc limit :limit""")
                .param("owner", owner).param("time", utc(from.time())).param("post", from.id()).param("limit", limit)
                .query(ENTRY)
                .list(), true));
    }

    @Override
    public long size(UUID owner) {
        return jdbc.sql("select count(*) from timeline_entry where owner_id = ?").param(owner).query(Long.class).single();
    }


    @Override
    public boolean isIntact() {
        return true;
    }

    @Override
    public void markIntact() {
        // nothing can be lost
    }
}
