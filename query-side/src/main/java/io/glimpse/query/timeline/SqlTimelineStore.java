package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Timelines in the application database ({@code timeline_entry}). Written in the timeline
 * processor's transaction, so they can never be lost apart from the processor's position: always
 * intact, no cap needed.
 */
class SqlTimelineStore implements TimelineStore {

    static final RowMapper<TimelineEntry> ENTRY = (rs, row) -> new TimelineEntry(rs.getObject("post_id", UUID.class),
            rs.getObject("author_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    /** Idempotent: an entry is one post in one owner's timeline, its time included. */
    private static final String INSERT = """
            insert into timeline_entry (owner_id, post_id, author_id, created_at)
            select ?, ?, ?, ?
             where not exists (select 1 from timeline_entry where owner_id = ? and created_at = ? and post_id = ?)""";

    private final JdbcClient jdbc;
    private final JdbcOperations batches;

    SqlTimelineStore(JdbcClient jdbc, JdbcOperations batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** One JDBC batch for all the owners: one round trip to PostgreSQL, however many followers. */
    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        insert(owners.stream().map(owner -> row(owner, entry)).toList());
    }

    @Override
    public void merge(UUID owner, List<TimelineEntry> entries) {
        insert(entries.stream().map(entry -> row(owner, entry)).toList());
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(INSERT, rows);
        }
    }

    private static Object[] row(UUID owner, TimelineEntry entry) {
        OffsetDateTime at = utc(entry.createdAt());
        return new Object[]{owner, entry.postId(), entry.authorId(), at, owner, at, entry.postId()};
    }

    @Override
    public void remove(Collection<UUID> owners, TimelineEntry entry) {
        jdbc.sql("delete from timeline_entry where owner_id in (:owners) and created_at = :at and post_id = :post")
                .param("owners", owners.isEmpty() ? List.of(new UUID(0, 0)) : owners)
                .param("at", utc(entry.createdAt())).param("post", entry.postId())
                .update();
    }

    @Override
    public void removeAuthor(UUID owner, UUID authorId) {
        jdbc.sql("delete from timeline_entry where owner_id = ? and author_id = ?").params(owner, authorId).update();
    }

    @Override
    public void clear(UUID owner) {
        jdbc.sql("delete from timeline_entry where owner_id = ?").param(owner).update();
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
