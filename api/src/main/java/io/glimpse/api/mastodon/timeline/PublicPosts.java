package io.glimpse.api.mastodon.timeline;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostView;
import io.glimpse.query.post.PostViewRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Every post, newest first: the public timeline. Glimpse's own API has no such list, so this
 * reads the ids of a page from the posts read model ({@code post_view_newest}) and hydrates them
 * with the posts repository, which leaves out posts hidden from the viewer by a block (a page can
 * come out shorter; the Link header still goes on).
 */
@Component
class PublicPosts {

    private final JdbcClient jdbc;
    private final PostViewRepository posts;

    PublicPosts(JdbcClient jdbc, PostViewRepository posts) {
        this.jdbc = jdbc;
        this.posts = posts;
    }

    record Page(List<PostView> items, boolean more, Cursor last) {
    }

    Page read(Cursor after, int limit, UUID viewerId) {
        Cursor from = after == null ? Keyset.startOfNewestFirst() : after;
        List<Cursor> rows = jdbc.sql("""
                        select id, created_at from post_view where (created_at, id) < (?, ?)
                         order by created_at desc, id desc limit ?""")
                .params(from.time().atOffset(ZoneOffset.UTC), from.id(), limit + 1)
                .query((rs, row) -> new Cursor(rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(1, UUID.class)))
                .list();
        boolean more = rows.size() > limit;
        List<Cursor> page = more ? rows.subList(0, limit) : rows;
        return new Page(posts.findAll(page.stream().map(Cursor::id).toList(), viewerId), more,
                page.isEmpty() ? null : page.get(page.size() - 1));
    }
}
