package io.glimpse.query.comment;

import io.glimpse.query.comment.CommentQueries.CommentPage;
import io.glimpse.query.comment.CommentQueries.FindComment;
import io.glimpse.query.comment.CommentQueries.ListComments;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class CommentQueryHandler {

    private final CommentViewRepository comments;

    CommentQueryHandler(CommentViewRepository comments) {
        this.comments = comments;
    }

    @QueryHandler
    CommentPage handle(ListComments query) {
        var slice = comments.onPost(query.postId(), query.viewerId(), query.after(), query.limit());
        return new CommentPage(slice.items(), slice.nextCursor());
    }

    @QueryHandler
    Optional<CommentView> handle(FindComment query) {
        return comments.find(query.postId(), query.commentId(), query.viewerId());
    }
}
