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
 * intact, no cap needed.
 */
class SqlTimelineStore implements TimelineStore {

    static final RowMapper<TimelineEntry> ENTRY = (rs, row) -> new TimelineEntry(rs.getObject("post_id", UUID.class),
            rs.getObject("author_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    SqlTimelineStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void push(Collection<UUID> owners, TimelineEntry entry) {
        for (UUID owner : owners) {
            insert(owner, entry);
        }
    }

    @Override
    public void merge(UUID owner, List<TimelineEntry> entries) {
        entries.forEach(entry -> insert(owner, entry));
    }

    private void insert(UUID owner, TimelineEntry entry) {
        jdbc.sql("""
                        insert into timeline_entry (owner_id, post_id, author_id, created_at)
                        select :owner, :post, :author, :at
                         where not exists (select 1 from timeline_entry where owner_id = :owner and post_id = :post)""")
                .param("owner", owner).param("post", entry.postId()).param("author", entry.authorId())
                .param("at", utc(entry.createdAt()))
                .update();
    }

    @Override
    public void remove(Collection<UUID> owners, TimelineEntry entry) {
        jdbc.sql("delete from timeline_entry where post_id = :post and owner_id in (:owners)")
                .param("post", entry.postId()).param("owners", owners.isEmpty() ? List.of(new UUID(0, 0)) : owners)
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
