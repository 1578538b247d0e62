package io.glimpse.query.comment;

import io.glimpse.query.paging.Cursor;
import io.glimpse.query.paging.Keyset;
import io.glimpse.query.post.PostChange;
import io.glimpse.query.post.PostView.AuthorView;
import io.glimpse.query.post.PostWriter;
import io.glimpse.query.social.BlockPolicy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * The comments read model ({@code comment_view}) and the comment counters on posts. Counters move
 * only when a row really appears or disappears, in a single-threaded projection, so they stay exact.
 */
@Repository
public class CommentViewRepository {

    private static final String VISIBLE_TO_VIEWER = BlockPolicy.neitherBlocks("c.author_id", ":viewer");
    private static final String COMMENT_WITH_AUTHOR = """
            select c.id, c.post_id, c.text, c.likes_count, c.created_at, c.edited_at,
                   u.id as author_id, u.username, u.display_name, u.avatar_url,
                   exists (select 1 from comment_like l where l.comment_id = c.id and l.user_id = :viewer) as liked_by_me
              from comment_view c join user_view u on u.id = c.author_id""";
    private static final RowMapper<CommentView> COMMENT = (rs, row) -> new CommentView(
            rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
            new AuthorView(rs.getObject("author_id", UUID.class), rs.getString("username"),
                    rs.getString("display_name"), rs.getString("avatar_url")),
            rs.getString("text"), rs.getLong("likes_count"), rs.getBoolean("liked_by_me"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("edited_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null));

    private final JdbcClient jdbc;
    private final PostWriter writer;

    public CommentViewRepository(JdbcClient jdbc, PostWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    public void add(UUID commentId, UUID postId, UUID authorId, String text, Instant at) {
        writer.record(new PostChange.CommentAdded(commentId, postId, authorId, text, at));
    }

    public void edit(UUID commentId, String text, Instant at) {
        writer.record(new PostChange.CommentEdited(commentId, text, at));
    }

    public void delete(UUID commentId, UUID postId) {
        writer.record(new PostChange.CommentDeleted(commentId, postId));
    }

    /** A deleted account's comments leave, and with them their share of every post's count. */
    public void deleteAllBy(UUID authorId) {
        writer.record(new PostChange.CommenterGone(authorId));
    }

    public Optional<CommentView> find(UUID postId, UUID commentId, UUID viewerId) {
        return jdbc.sql(COMMENT_WITH_AUTHOR + " where c.id = :id and c.post_id = :post and " + VISIBLE_TO_VIEWER)
                .param("id", commentId).param("post", postId).param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .query(COMMENT)
                .optional();
    }

    /** Oldest first, by keyset on (created_at, id). */
    public Keyset.Slice<CommentView> onPost(UUID postId, UUID viewerId, Cursor after, int limit) {
        Cursor from = Optional.ofNullable(after).orElseGet(Keyset::startOfOldestFirst);
        List<CommentView> rows = jdbc.sql(COMMENT_WITH_AUTHOR
                        + " where c.post_id = :post and (c.created_at, c.id) > (:time, :id) and " + VISIBLE_TO_VIEWER
                        + " order by c.created_at, c.id limit :limit")
                .param("post", postId).param("viewer", BlockPolicy.viewerOrAnonymous(viewerId))
                .param("time", utc(from.time())).param("id", from.id()).param("limit", limit + 1)
                .query(COMMENT)
                .list();
        return Keyset.slice(rows, limit, comment -> new Cursor(comment.createdAt(), comment.id()));
    }

}
