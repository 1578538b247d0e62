package io.glimpse.api.mastodon.status;

import io.glimpse.api.mastodon.account.Accounts;
import io.glimpse.api.mastodon.web.MastodonException;
import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.Queries;
import io.glimpse.query.comment.CommentQueries.FindComment;
import io.glimpse.query.comment.CommentView;
import io.glimpse.query.post.PostQueries.FindPost;
import io.glimpse.query.post.PostView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the post or comment a status id names, as the viewer may see it (hidden by a block
 * either way, or gone: 404). Posts and comments share one id space (both are UUIDv7), so an id is
 * tried as a post first; a comment's post is read from the comments read model, because Glimpse's
 * own API always names the post beside the comment.
 */
@Component
public class Statuses {

    private final Queries queries;
    private final JdbcClient jdbc;

    Statuses(Queries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    public StatusTarget require(String id, AuthenticatedUser viewer) {
        return find(Accounts.parse(id), viewer).orElseThrow(MastodonException::notFound);
    }

    public Optional<StatusTarget> find(UUID id, AuthenticatedUser viewer) {
        UUID viewerId = viewer == null ? null : viewer.id();
        Optional<PostView> post = post(id, viewerId);
        if (post.isPresent()) {
            return Optional.of(new StatusTarget.Post(post.get()));
        }
        return postOfComment(id).flatMap(postId -> post(postId, viewerId).flatMap(parent ->
                queries.optional(new FindComment(postId, id, viewerId), CommentView.class)
                        .map(comment -> new StatusTarget.Comment(comment, parent))));
    }

    public Optional<PostView> post(UUID postId, UUID viewerId) {
        return queries.optional(new FindPost(postId, viewerId), PostView.class);
    }

    private Optional<UUID> postOfComment(UUID commentId) {
        return jdbc.sql("select post_id from comment_view where id = ?").param(commentId).query(UUID.class).optional();
    }
}
