package io.glimpse.query.social;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.Events;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.user.UserView;
import io.glimpse.query.user.UserViewRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The social graph projection given events (through Axon's handler adapter), then its read model. */
@EmbeddedGlimpse
class SocialGraphProjectionTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SocialGraphRepository graph;
    @Autowired
    UserViewRepository users;

    private Object social;
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void givenTwoAccounts() {
        social = context.getBean(SocialGraphProjection.class);
        for (UUID id : new UUID[]{ann, bob}) {
            String name = "sg_" + id.toString().substring(0, 8);
            Events.feed(context.getBean(io.glimpse.query.user.UserProjection.class),
                    new UserRegistered(id, name, name + "@example.com", "h", name));
        }
    }

    @Test
    void aFollowAddsARowAndOneToEachCounter() {
        Events.feed(social, new UserFollowed(ann, bob));

        assertThat(user(bob).followersCount()).isEqualTo(1);
        assertThat(user(ann).followingCount()).isEqualTo(1);
        assertThat(graph.relation(ann, bob)).isEqualTo(new Relation(true, false, false, false));
        assertThat(graph.relation(bob, ann)).isEqualTo(new Relation(false, true, false, false));
    }

    @Test
    void anUnfollowTakesBothAway() {
        Events.feed(social, new UserFollowed(ann, bob));
        Events.feed(social, new UserUnfollowed(ann, bob));

        assertThat(user(bob).followersCount()).isZero();
        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.followers(bob, null, null, 10).items()).isEmpty();
    }

    @Test
    void aBlockAndAnUnblockShowInTheRelation() {
        Events.feed(social, new UserBlocked(ann, bob));
        assertThat(graph.relation(bob, ann).blocksMe()).isTrue();
        assertThat(graph.blocked(ann, null, 10).items()).extracting(viewed -> viewed.user().id()).containsExactly(bob);

        Events.feed(social, new UserUnblocked(ann, bob));
        assertThat(graph.relation(bob, ann)).isEqualTo(Relation.NONE);
    }

    @Test
    void aFollowOfAnAccountThatIsGoneChangesNothing() {
        UUID ghost = UUID.randomUUID();
        Events.feed(social, new UserFollowed(ann, ghost));

        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.following(ann, null, null, 10).items()).isEmpty();
    }

    @Test
    void aDeletedAccountLeavesTheCountersOfEveryoneItWasConnectedTo() {
        Events.feed(social, new UserFollowed(ann, bob));
        Events.feed(social, new UserFollowed(bob, ann));
        Events.feed(social, new UserDeleted(bob, bob));

        assertThat(user(ann).followersCount()).isZero();
        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.followers(ann, null, null, 10).items()).isEmpty();
    }

    private UserView user(UUID id) {
        return users.findById(id).orElseThrow();
    }
}
