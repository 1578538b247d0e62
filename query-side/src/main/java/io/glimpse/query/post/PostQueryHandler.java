package io.glimpse.query.post;

import io.glimpse.query.post.PostQueries.FindPost;
import io.glimpse.query.post.PostQueries.ListUserPosts;
import io.glimpse.query.post.PostQueries.PostPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class PostQueryHandler {

    private final PostViewRepository posts;

    PostQueryHandler(PostViewRepository posts) {
        this.posts = posts;
    }

    @QueryHandler
    Optional<PostView> handle(FindPost query) {
        return posts.find(query.postId(), query.viewerId());
    }

    @QueryHandler
    PostPage handle(ListUserPosts query) {
        var slice = posts.byAuthor(query.authorId(), query.viewerId(), query.after(), query.limit());
        return new PostPage(slice.items(), slice.nextCursor());
    }
}
