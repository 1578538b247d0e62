package io.glimpse.query.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
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
 * intact, no cap needed. The processor never reads timelines back while it writes them, so its
 * writes wait for the end of its batch ({@link TimelineWriter}): a batch's fan-outs go to
 * PostgreSQL as one JDBC batch instead of one round trip per post.
 */
class SqlTimelineStore implements TimelineStore {

    static final RowMapper<TimelineEntry> ENTRY = (rs, row) -> new TimelineEntry(rs.getObject("post_id", UUID.class),
            rs.getObject("author_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;
    private final TimelineWriter writer;

    SqlTimelineStore(JdbcClient jdbc, TimelineWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        writer.record(new TimelineChange.Pushed(List.copyOf(owners), entry));
    }

    @Override
    public void merge(UUID owner, List<TimelineEntry> entries) {
        entries.forEach(entry -> writer.record(new TimelineChange.Pushed(List.of(owner), entry)));
    }

    @Override
    public void remove(Collection<UUID> owners, TimelineEntry entry) {
        writer.record(new TimelineChange.Removed(List.copyOf(owners), entry));
    }

    @Override
    public void removeAuthor(UUID owner, UUID authorId) {
        writer.record(new TimelineChange.AuthorRemoved(owner, authorId));
    }

    @Override
    public void clear(UUID owner) {
        writer.record(new TimelineChange.Cleared(owner));
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
