package io.glimpse.query.post;

import io.glimpse.events.post.MediaAttachment;
import io.glimpse.query.batch.ChangeBatch;
import io.glimpse.query.batch.Counter;
import io.glimpse.query.batch.CounterMoves;
import io.glimpse.query.batch.Statements;
import io.glimpse.query.batch.Toggles;
import io.glimpse.query.post.PostChange.AuthorGone;
import io.glimpse.query.post.PostChange.CommentAdded;
import io.glimpse.query.post.PostChange.CommentDeleted;
import io.glimpse.query.post.PostChange.CommentEdited;
import io.glimpse.query.post.PostChange.CommenterGone;
import io.glimpse.query.post.PostChange.Created;
import io.glimpse.query.post.PostChange.Deleted;
import io.glimpse.query.post.PostChange.Edited;
import io.glimpse.query.post.PostChange.Liked;
import io.glimpse.query.post.PostChange.LikerGone;
import io.glimpse.query.post.PostChange.MediaFailed;
import io.glimpse.query.post.PostChange.MediaReady;
import io.glimpse.query.post.PostChange.Target;
import io.glimpse.query.post.PostChange.Unliked;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.glimpse.query.batch.ChangeBatch.only;
import static io.glimpse.query.user.UserViewRepository.utc;

/**
 * Applies a batch of {@link PostChange}s with one JDBC batch per statement, in this order, which
 * gives what applying them one by one in event order would for any sequence of events:
 * <ol>
 *   <li>Removals: deleted accounts' likes (out of their counters) and comments (out of their
 *       posts' counts) and posts, deleted posts with everything on them, deleted comments with
 *       their likes. Removals commute: counters move by the rows really removed. Ids are never
 *       reused, so whatever else the batch says about a deleted post, comment or account is
 *       dropped, whether it came before or after the deletion.</li>
 *   <li>New posts with their tags and images, then edits (the last of each post's: its caption
 *       and tags replace the earlier ones), then image processing results (the last per image).</li>
 *   <li>New comments (only on posts that exist by then), then comment edits (the last per comment).</li>
 *   <li>Likes of posts, then of comments, netted per liker and liked ({@link Toggles}: like,
 *       unlike, like is one like), after what they like exists. A like is inserted only if what
 *       it likes exists.</li>
 *   <li>Counters, summed per row, moved by the rows each like, unlike, comment and comment
 *       deletion really changed.</li>
 * </ol>
 */
@Component
public class PostWriter {

    private static final Counter COMMENTS = new Counter("post_view", "comments_count");
    private static final String INSERT_POST = "insert into post_view (id, author_id, caption, created_at) values (?, ?, ?, ?)";
    private static final String INSERT_TAG = "insert into post_tag (post_id, tag, position) values (?, ?, ?)";
    /** An edit may be of a post that step 1 just removed with its author's account. */
    private static final String INSERT_TAG_IF_POSTED = """
            insert into post_tag (post_id, tag, position)
            select ?, ?, ? where exists (select 1 from post_view where id = ?)""";
    private static final String INSERT_MEDIA = """
            insert into post_media (media_id, post_id, position, content_type, width, height, status)
            values (?, ?, ?, ?, ?, ?, 'PROCESSING')""";
    private static final String MEDIA_READY = """
            update post_media set status = 'READY', url = ?, original_url = ?, thumbnail_url = ?,
                   width = ?, height = ?, content_type = 'image/jpeg'
             where media_id = ?""";
    private static final String MEDIA_FAILED = "update post_media set status = 'FAILED', failure_reason = ? where media_id = ?";
    /** Counted, so an {@code insert ... select} ({@link Statements#run}). */
    private static final String INSERT_COMMENT = """
            insert into comment_view (id, post_id, author_id, text, created_at)
            select ?, ?, ?, ?, ? where exists (select 1 from post_view where id = ?)""";
    private static final String DELETE_COMMENT = "delete from comment_view where id = ?";
    private static final List<String> WITHDRAW_COMMENTS = List.of("""
            update post_view set comments_count = comments_count
                - (select count(*) from comment_view c where c.post_id = post_view.id and c.author_id = ?)
             where id in (select post_id from comment_view where author_id = ?)""",
            "delete from comment_like where comment_id in (select id from comment_view where author_id = ?)",
            "delete from comment_view where author_id = ?");

    private record Like(Target target, UUID likedId, UUID userId) {
    }

    private final JdbcOperations jdbc;
    private final ChangeBatch<PostChange> batch = new ChangeBatch<>("posts", this::write);

    PostWriter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the change, to be written when the batch of events it belongs to commits. */
    public void record(PostChange change) {
        batch.add(change);
    }

    private void write(List<PostChange> changes) {
        Gone gone = new Gone(changes);
        CounterMoves counters = new CounterMoves();
        removeAll(changes, counters);

        List<Created> created = only(changes, Created.class).stream()
                .filter(post -> !gone.posts.contains(post.postId()) && !gone.users.contains(post.authorId()))
                .toList();
        Statements.run(jdbc, INSERT_POST, created.stream()
                .map(post -> new Object[]{post.postId(), post.authorId(), post.caption(), utc(post.at())}).toList());
        insertTags(INSERT_TAG, created.stream().map(post -> new PostTags(post.postId(), post.tags())).toList());
        List<Object[]> media = new ArrayList<>();
        for (Created post : created) {
            for (int position = 0; position < post.media().size(); position++) {
                MediaAttachment image = post.media().get(position);
                media.add(new Object[]{image.mediaId(), post.postId(), position, image.contentType(), image.width(),
                        image.height()});
            }
        }
        Statements.run(jdbc, INSERT_MEDIA, media);

        Collection<Edited> edits = last(only(changes, Edited.class), Edited::postId, gone.posts);
        Statements.run(jdbc, "update post_view set caption = ?, edited_at = ? where id = ?", edits.stream()
                .map(edit -> new Object[]{edit.caption(), utc(edit.at()), edit.postId()}).toList());
        Statements.run(jdbc, "delete from post_tag where post_id = ?",
                edits.stream().map(edit -> new Object[]{edit.postId()}).toList());
        insertTags(INSERT_TAG_IF_POSTED, edits.stream().map(edit -> new PostTags(edit.postId(), edit.tags())).toList());

        Map<UUID, PostChange> processed = new LinkedHashMap<>();
        for (PostChange change : changes) {
            if (change instanceof MediaReady ready) {
                processed.put(ready.mediaId(), ready);
            } else if (change instanceof MediaFailed failed) {
                processed.put(failed.mediaId(), failed);
            }
        }
        Statements.run(jdbc, MEDIA_READY, only(List.copyOf(processed.values()), MediaReady.class).stream()
                .map(m -> new Object[]{m.url(), m.originalUrl(), m.thumbnailUrl(), m.width(), m.height(), m.mediaId()})
                .toList());
        Statements.run(jdbc, MEDIA_FAILED, only(List.copyOf(processed.values()), MediaFailed.class).stream()
                .map(m -> new Object[]{m.reason(), m.mediaId()}).toList());

        List<CommentAdded> comments = only(changes, CommentAdded.class).stream()
                .filter(c -> !gone.comments.contains(c.commentId()) && !gone.posts.contains(c.postId())
                        && !gone.users.contains(c.authorId()))
                .toList();
        int[] added = Statements.run(jdbc, INSERT_COMMENT, comments.stream().map(c -> new Object[]{
                c.commentId(), c.postId(), c.authorId(), c.text(), utc(c.at()), c.postId()}).toList());
        for (int i = 0; i < comments.size(); i++) {
            counters.add(COMMENTS, comments.get(i).postId(), Statements.changed(added, i, INSERT_COMMENT));
        }
        Statements.run(jdbc, "update comment_view set text = ?, edited_at = ? where id = ?",
                last(only(changes, CommentEdited.class), CommentEdited::commentId, gone.comments).stream()
                        .map(edit -> new Object[]{edit.text(), utc(edit.at()), edit.commentId()}).toList());

        for (Target target : Target.values()) {
            writeLikes(target, changes, gone, counters);
        }
        counters.write(jdbc);
    }

    /** Step 1 of the order above: everything that leaves. */
    private void removeAll(List<PostChange> changes, CounterMoves counters) {
        List<Object[]> likers = only(changes, LikerGone.class).stream().map(u -> new Object[]{u.userId()}).toList();
        for (Target target : Target.values()) {
            Statements.run(jdbc, "update " + target.counted + " set likes_count = likes_count - 1 where id in (select "
                    + target.key + " from " + target.likes + " where user_id = ?)", likers);
            Statements.run(jdbc, "delete from " + target.likes + " where user_id = ?", likers);
        }
        List<Object[]> commenters = only(changes, CommenterGone.class).stream()
                .map(u -> new Object[]{u.userId(), u.userId()}).toList();
        for (String statement : WITHDRAW_COMMENTS) {
            Statements.run(jdbc, statement, statement.startsWith("update") ? commenters
                    : commenters.stream().map(ids -> new Object[]{ids[0]}).toList());
        }
        deletePosts("select id from post_view where author_id = ?",
                only(changes, AuthorGone.class).stream().map(u -> new Object[]{u.userId()}).toList());
        deletePosts("select ?", only(changes, Deleted.class).stream().map(p -> new Object[]{p.postId()}).toList());

        List<CommentDeleted> deletedComments = only(changes, CommentDeleted.class);
        List<Object[]> ids = deletedComments.stream().map(c -> new Object[]{c.commentId()}).toList();
        Statements.run(jdbc, "delete from comment_like where comment_id = ?", ids);
        int[] removed = Statements.run(jdbc, DELETE_COMMENT, ids);
        for (int i = 0; i < deletedComments.size(); i++) {
            counters.add(COMMENTS, deletedComments.get(i).postId(), -Statements.changed(removed, i, DELETE_COMMENT));
        }
    }

    /** Posts with their tags, images, comments and likes; {@code postIds} selects them from its parameter. */
    private void deletePosts(String postIds, List<Object[]> parameters) {
        Statements.run(jdbc, "delete from comment_like where comment_id in (select id from comment_view where post_id in ("
                + postIds + "))", parameters);
        for (String table : List.of("comment_view", "post_like", "post_media", "post_tag")) {
            Statements.run(jdbc, "delete from " + table + " where post_id in (" + postIds + ")", parameters);
        }
        Statements.run(jdbc, "delete from post_view where id in (" + postIds + ")", parameters);
    }

    private record PostTags(UUID postId, List<String> tags) {
    }

    private void insertTags(String sql, List<PostTags> posts) {
        List<Object[]> rows = new ArrayList<>();
        for (PostTags post : posts) {
            for (int position = 0; position < post.tags().size(); position++) {
                rows.add(sql.equals(INSERT_TAG) ? new Object[]{post.postId(), post.tags().get(position), position}
                        : new Object[]{post.postId(), post.tags().get(position), position, post.postId()});
            }
        }
        Statements.run(jdbc, sql, rows);
    }

    private void writeLikes(Target target, List<PostChange> changes, Gone gone, CounterMoves counters) {
        Set<UUID> goneTargets = target == Target.POST ? gone.posts : gone.comments;
        Toggles<Like, Like> likes = new Toggles<>();
        Map<Like, Liked> latest = new LinkedHashMap<>();
        for (PostChange change : changes) {
            if (change instanceof Liked liked && liked.target() == target) {
                Like like = new Like(target, liked.likedId(), liked.userId());
                latest.put(like, liked);
                likes.set(like, true, like);
            } else if (change instanceof Unliked unliked && unliked.target() == target) {
                Like like = new Like(target, unliked.likedId(), unliked.userId());
                likes.set(like, false, like);
            }
        }
        Counter counter = new Counter(target.counted, "likes_count");
        List<Like> added = likes.turnedOn().stream().filter(like -> !gone.hides(like, goneTargets)).toList();
        String insert = "insert into " + target.likes + " (" + target.key + ", user_id, created_at) "
                + "select ?, ?, ? where exists (select 1 from " + target.counted + " where id = ?)";
        int[] inserted = Statements.run(jdbc, insert, added.stream().map(like -> new Object[]{
                like.likedId(), like.userId(), utc(latest.get(like).at()), like.likedId()}).toList());
        for (int i = 0; i < added.size(); i++) {
            counters.add(counter, added.get(i).likedId(), Statements.changed(inserted, i, insert));
        }
        List<Like> removed = likes.turnedOff().stream().filter(like -> !gone.hides(like, goneTargets)).toList();
        String delete = "delete from " + target.likes + " where " + target.key + " = ? and user_id = ?";
        int[] deleted = Statements.run(jdbc, delete,
                removed.stream().map(like -> new Object[]{like.likedId(), like.userId()}).toList());
        for (int i = 0; i < removed.size(); i++) {
            counters.add(counter, removed.get(i).likedId(), -Statements.changed(deleted, i, delete));
        }
    }

    /** The last change of each entity, in the order of their first, leaving out deleted ones. */
    private static <T extends PostChange> Collection<T> last(List<T> changes, java.util.function.Function<T, UUID> id,
                                                          Set<UUID> deleted) {
        Map<UUID, T> last = new LinkedHashMap<>();
        changes.stream().filter(change -> !deleted.contains(id.apply(change)))
                .forEach(change -> last.put(id.apply(change), change));
        return last.values();
    }

    /** The posts, comments and accounts the batch deletes: nothing else it says about them is written. */
    private static final class Gone {

        final Set<UUID> posts = new HashSet<>();
        final Set<UUID> comments = new HashSet<>();
        final Set<UUID> users = new HashSet<>();

        Gone(List<PostChange> changes) {
            for (PostChange change : changes) {
                if (change instanceof Deleted deleted) {
                    posts.add(deleted.postId());
                } else if (change instanceof CommentDeleted deleted) {
                    comments.add(deleted.commentId());
                } else if (change instanceof AuthorGone author) {
                    users.add(author.userId());
                } else if (change instanceof CommenterGone commenter) {
                    users.add(commenter.userId());
                } else if (change instanceof LikerGone liker) {
                    users.add(liker.userId());
                }
            }
        }

        boolean hides(Like like, Set<UUID> goneTargets) {
            return users.contains(like.userId()) || goneTargets.contains(like.likedId());
        }
    }
}
