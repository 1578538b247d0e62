package io.glimpse.query.post;

import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostView.AuthorView;
import io.glimpse.query.social.BlockPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * The posts read model: {@code post_view}, its tags and its media. Pages are read in three
 * queries whatever their size (posts with authors, then all their tags, then all their media),
 * never one per post.
 */
@Repository
public class PostViewRepository {


    /** Posts whose author blocks the viewer, or whom the viewer blocks, are not there for the viewer. */
    private static final String VISIBLE_TO_VIEWER = BlockPolicy.neitherBlocks("p.author_id", ":viewer");

    private static final String POST_WITH_AUTHOR = """
            select p.id, p.caption, p.likes_count, p.comments_count, p.created_at, p.edited_at,
                   u.id as author_id, u.username, u.display_name, u.avatar_url,
                   exists (select 1 from post_like l where l.post_id = p.id and l.user_id = :viewer) as liked_by_me
              from post_view p join user_view u on u.id = p.author_id""";

    private final JdbcClient jdbc;
    private final PostWriter writer;

    public PostViewRepository(JdbcClient jdbc, PostWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    public void insert(UUID postId, UUID authorId, String caption, List<String> tags, List<MediaAttachment> media,
                       Instant createdAt) {
        writer.record(new PostChange.Created(postId, authorId, caption, tags, media, createdAt));
    }

    public void edit(UUID postId, String caption, List<String> tags, Instant editedAt) {
        writer.record(new PostChange.Edited(postId, caption, tags, editedAt));
    }

    public void mediaReady(UUID mediaId, String url, String originalUrl, String thumbnailUrl, int width, int height) {
        writer.record(new PostChange.MediaReady(mediaId, url, originalUrl, thumbnailUrl, width, height));
    }

    public void mediaFailed(UUID mediaId, String reason) {
        writer.record(new PostChange.MediaFailed(mediaId, reason));
    }

    /** A post takes its tags, images, comments and likes with it. */
    public void delete(UUID postId) {
        writer.record(new PostChange.Deleted(postId));
    }

    public void deleteAllOf(UUID authorId) {
        writer.record(new PostChange.AuthorGone(authorId));
    }

    public void deleteAll() {
        for (String table : List.of("comment_like", "comment_view", "post_like", "post_media", "post_tag", "post_view")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    public Optional<PostView> find(UUID postId, UUID viewerId) {
        List<Row> rows = jdbc.sql(POST_WITH_AUTHOR + " where p.id = :post and " + VISIBLE_TO_VIEWER)
                .param("post", postId)
                .param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .query(Row.class)
                .list();
        return hydrate(rows).stream().findFirst();
    }

    /**
     * The posts with these ids that the viewer may see, hydrated in one batch, in the order of
     * {@code postIds} (a timeline's or a search's); deleted and hidden ones are left out.
     */
    public List<PostView> findAll(List<UUID> postIds, UUID viewerId) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        Map<UUID, PostView> visible = new HashMap<>();
        hydrate(jdbc.sql(POST_WITH_AUTHOR + " where p.id in (:posts) and " + VISIBLE_TO_VIEWER)
                .param("posts", postIds)
                .param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .query(Row.class)
                .list()).forEach(post -> visible.put(post.id(), post));
        return postIds.stream().map(visible::get).filter(Objects::nonNull).toList();
    }

    public Keyset.Slice<PostView> byAuthor(UUID authorId, UUID viewerId, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        List<Row> rows = jdbc.sql(POST_WITH_AUTHOR
                        + " where p.author_id = :author and (p.created_at, p.id) < (:time, :id) and "
                        + VISIBLE_TO_VIEWER + " order by p.created_at desc, p.id desc limit :limit")
                .param("author", authorId)
                .param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .param("time", utc(from.time()))
                .param("id", from.id())
                .param("limit", limit + 1)
                .query(Row.class)
                .list();
        return Keyset.slice(hydrate(rows), limit, post -> new Cursor(post.createdAt(), post.id()));
    }

    /** Where the author's newest posts after the cursor stand in a newest-first list: their time and id. */
    public List<Cursor> newestBy(UUID authorId, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfNewestFirst);
        return jdbc.sql("""
                        select created_at, id from post_view
                         where author_id = :author and (created_at, id) < (:time, :id)
                         order by created_at desc, id desc limit :limit""")
                .param("author", authorId)
                .param("time", utc(from.time()))
                .param("id", from.id())
                .param("limit", limit)
                .query((rs, n) -> new Cursor(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("id", UUID.class)))
                .list();
    }

    /** Adds every row's tags and media with one query each. */
    private List<PostView> hydrate(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String>> tags = new HashMap<>();
        jdbc.sql("select post_id, tag from post_tag where post_id in (:ids) order by post_id, position")
                .param("ids", ids)
                .query((rs, n) -> tags.computeIfAbsent(rs.getObject("post_id", UUID.class), id -> new ArrayList<>())
                        .add(rs.getString("tag")))
                .list();
        Map<UUID, List<MediaView>> media = new HashMap<>();
        jdbc.sql("""
                        select post_id, media_id, url, original_url, thumbnail_url, width, height, content_type, status
                          from post_media where post_id in (:ids) order by post_id, position""")
                .param("ids", ids)
                .query((rs, n) -> media.computeIfAbsent(rs.getObject("post_id", UUID.class), id -> new ArrayList<>())
                        .add(new MediaView(rs.getObject("media_id", UUID.class), rs.getString("url"),
                                rs.getString("original_url"), rs.getString("thumbnail_url"), rs.getInt("width"),
                                rs.getInt("height"), rs.getString("content_type"),
                                MediaView.Status.valueOf(rs.getString("status")))))
                .list();
        return rows.stream().map(row -> new PostView(row.id(),
                new AuthorView(row.authorId(), row.username(), row.displayName(), row.avatarUrl()),
                row.caption(), tags.getOrDefault(row.id(), List.of()), media.getOrDefault(row.id(), List.of()),
                row.likesCount(), row.commentsCount(), row.likedByMe(), row.createdAt().toInstant(),
                row.editedAt() == null ? null : row.editedAt().toInstant())).toList();
    }


    /** One row of {@link #POST_WITH_AUTHOR}. */
    record Row(UUID id, String caption, long likesCount, long commentsCount, OffsetDateTime createdAt,
               OffsetDateTime editedAt, UUID authorId, String username, String displayName, String avatarUrl,
               boolean likedByMe) {
    }
}
