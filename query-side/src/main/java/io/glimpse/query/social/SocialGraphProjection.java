package io.glimpse.query.social;

import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.query.user.UserProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Follows, blocks and the follower counters. Shares the users projection's processor: the
 * counters live on the profiles, so both must be rebuilt together and see events in one order.
 */
@Component
@ProcessingGroup(UserProjection.NAME)
class SocialGraphProjection {

    private final SocialGraphRepository graph;

    SocialGraphProjection(SocialGraphRepository graph) {
        this.graph = graph;
    }

    @EventHandler
    void on(UserFollowed event, @Timestamp Instant at) {
        graph.follow(event.followerId(), event.followeeId(), at);
    }

    @EventHandler
    void on(UserUnfollowed event) {
        graph.unfollow(event.followerId(), event.followeeId());
    }

    @EventHandler
    void on(UserBlocked event, @Timestamp Instant at) {
        graph.block(event.blockerId(), event.blockedId(), at);
    }

    @EventHandler
    void on(UserUnblocked event) {
        graph.unblock(event.blockerId(), event.blockedId());
    }

    @EventHandler
    void on(UserDeleted event) {
        graph.forget(event.userId());
    }

    @ResetHandler
    void reset() {
        graph.deleteAll();
    }
}
