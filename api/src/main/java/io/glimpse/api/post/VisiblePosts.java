package io.glimpse.api.post;

import io.glimpse.api.security.AuthenticatedUser;
import io.glimpse.api.web.NotFoundException;
import io.glimpse.api.web.Queries;
import io.glimpse.query.post.PostQueries.FindPost;
import io.glimpse.query.post.PostView;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Finds a post as a viewer may see it: hidden by a block either way, or gone, it is a 404. */
@Component
public class VisiblePosts {

    private final Queries queries;

    VisiblePosts(Queries queries) {
        this.queries = queries;
    }

    public PostView requireVisible(UUID postId, AuthenticatedUser viewer) {
        return queries.optional(new FindPost(postId, viewer == null ? null : viewer.id()), PostView.class)
                .orElseThrow(() -> new NotFoundException("No such post"));
    }
}
