package io.glimpse.api.mastodon.status;

import io.glimpse.query.comment.CommentView;
import io.glimpse.query.post.PostView;

/** What a Mastodon status id names in Glimpse: a post, or a comment on one. */
public sealed interface StatusTarget {

    PostView post();

    /** Java 17 has no pattern matching in switch: the two cases, one function each. */
    default <R> R fold(java.util.function.Function<Post, R> onPost, java.util.function.Function<Comment, R> onComment) {
        return this instanceof Comment comment ? onComment.apply(comment) : onPost.apply((Post) this);
    }

    default void either(java.util.function.Consumer<Post> onPost, java.util.function.Consumer<Comment> onComment) {
        if (this instanceof Comment comment) {
            onComment.accept(comment);
        } else {
            onPost.accept((Post) this);
        }
    }

    record Post(PostView post) implements StatusTarget {
    }

    record Comment(CommentView comment, PostView post) implements StatusTarget {
    }
}
