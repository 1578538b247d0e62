package io.glimpse.query.social;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.user.UserView;
import io.glimpse.query.user.UserViewRepository;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
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

    private AnnotationEventHandlerAdapter social;
    private AnnotationEventHandlerAdapter profiles;
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void givenTwoAccounts() throws Exception {
        social = new AnnotationEventHandlerAdapter(context.getBean(SocialGraphProjection.class));
        profiles = new AnnotationEventHandlerAdapter(context.getBean(io.glimpse.query.user.UserProjection.class));
        for (UUID id : new UUID[]{ann, bob}) {
            String name = "sg_" + id.toString().substring(0, 8);
            profiles.handle(event(new UserRegistered(id, name, name + "@example.com", "h", name)));
        }
    }

    @Test
    void aFollowAddsARowAndOneToEachCounter() throws Exception {
        social.handle(event(new UserFollowed(ann, bob)));

        assertThat(user(bob).followersCount()).isEqualTo(1);
        assertThat(user(ann).followingCount()).isEqualTo(1);
        assertThat(graph.relation(ann, bob)).isEqualTo(new Relation(true, false, false, false));
        assertThat(graph.relation(bob, ann)).isEqualTo(new Relation(false, true, false, false));
    }

    @Test
    void anUnfollowTakesBothAway() throws Exception {
        social.handle(event(new UserFollowed(ann, bob)));
        social.handle(event(new UserUnfollowed(ann, bob)));

        assertThat(user(bob).followersCount()).isZero();
        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.followers(bob, null, null, 10).items()).isEmpty();
    }

    @Test
    void aBlockAndAnUnblockShowInTheRelation() throws Exception {
        social.handle(event(new UserBlocked(ann, bob)));
        assertThat(graph.relation(bob, ann).blocksMe()).isTrue();
        assertThat(graph.blocked(ann, null, 10).items()).extracting(viewed -> viewed.user().id()).containsExactly(bob);

        social.handle(event(new UserUnblocked(ann, bob)));
        assertThat(graph.relation(bob, ann)).isEqualTo(Relation.NONE);
    }

    @Test
    void aFollowOfAnAccountThatIsGoneChangesNothing() throws Exception {
        UUID ghost = UUID.randomUUID();
        social.handle(event(new UserFollowed(ann, ghost)));

        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.following(ann, null, null, 10).items()).isEmpty();
    }

    @Test
    void aDeletedAccountLeavesTheCountersOfEveryoneItWasConnectedTo() throws Exception {
        social.handle(event(new UserFollowed(ann, bob)));
        social.handle(event(new UserFollowed(bob, ann)));
        social.handle(event(new UserDeleted(bob, bob)));

        assertThat(user(ann).followersCount()).isZero();
        assertThat(user(ann).followingCount()).isZero();
        assertThat(graph.followers(ann, null, null, 10).items()).isEmpty();
    }

    private UserView user(UUID id) {
        return users.findById(id).orElseThrow();
    }

    private static GenericEventMessage<Object> event(Object payload) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
