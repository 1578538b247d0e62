package io.glimpse.query.like;

import io.glimpse.query.like.LikeQueries.ListPostLikers;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class LikeQueryHandler {

    private final LikeRepository likes;

    LikeQueryHandler(LikeRepository likes) {
        this.likes = likes;
    }

    @QueryHandler
    ViewedUserPage handle(ListPostLikers query) {
        var slice = likes.likers(query.postId(), query.viewerId(), query.after(), query.limit());
        return new ViewedUserPage(slice.items(), slice.nextCursor());
    }
}
