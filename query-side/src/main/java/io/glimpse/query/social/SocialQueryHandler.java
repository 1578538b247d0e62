package io.glimpse.query.social;

import io.glimpse.query.paging.Keyset;
import io.glimpse.query.social.SocialQueries.FindRelation;
import io.glimpse.query.social.SocialQueries.ListBlocked;
import io.glimpse.query.social.SocialQueries.ListFollowers;
import io.glimpse.query.social.SocialQueries.ListFollowing;
import io.glimpse.query.social.SocialQueries.ViewedUserPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
class SocialQueryHandler {

    private final SocialGraphRepository graph;

    SocialQueryHandler(SocialGraphRepository graph) {
        this.graph = graph;
    }

    @QueryHandler
    Relation handle(FindRelation query) {
        return graph.relation(query.viewerId(), query.userId());
    }

    @QueryHandler
    ViewedUserPage handle(ListFollowers query) {
        return page(graph.followers(query.userId(), query.viewerId(), query.after(), query.limit()));
    }

    @QueryHandler
    ViewedUserPage handle(ListFollowing query) {
        return page(graph.following(query.userId(), query.viewerId(), query.after(), query.limit()));
    }

    @QueryHandler
    ViewedUserPage handle(ListBlocked query) {
        return page(graph.blocked(query.blockerId(), query.after(), query.limit()));
    }

    private static ViewedUserPage page(Keyset.Slice<ViewedUser> slice) {
        return new ViewedUserPage(slice.items(), slice.nextCursor());
    }
}
