package io.glimpse.query.social;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.api.support.Events;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.user.UserProjection;
import io.glimpse.query.user.UserView;
import io.glimpse.query.user.UserViewRepository;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
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
    @Autowired
    TransactionManager transactions;

    private Object social;
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void givenTwoAccounts() {
        social = context.getBean(SocialGraphProjection.class);
        for (UUID id : new UUID[]{ann, bob}) {
            register(id);
        }
    }

    private void register(UUID id) {
        String name = "sg_" + id.toString().substring(0, 8);
        Events.feed(context.getBean(UserProjection.class), new UserRegistered(id, name, name + "@example.com", "h", name));
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

    /**
     * As a replay batch delivers them to the users processor: registrations, follows turned off
     * and on again, a block, post counts and an account that registers, follows and is deleted
     * within the batch come out as if handled one by one.
     */
    @Test
    void oneBatchOfTheUsersProcessorEndsAsIfHandledOneByOne() {
        UUID carl = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        Events.feed(social, new UserFollowed(bob, ann));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        register(carl);
        register(dave);
        Events.feed(social, new UserFollowed(carl, ann),
                new UserFollowed(ann, bob), new UserUnfollowed(ann, bob), new UserFollowed(ann, bob),
                new UserUnfollowed(bob, ann), new UserFollowed(bob, ann),
                new UserFollowed(dave, ann), new UserFollowed(ann, dave));
        UserDeleted daveLeaves = new UserDeleted(dave, dave);
        Events.feed(context.getBean(UserProjection.class), daveLeaves);
        Events.feed(social, daveLeaves);
        Events.feed(social, new UserBlocked(carl, bob), new UserUnblocked(carl, bob), new UserBlocked(carl, bob));
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        Events.feed(context.getBean("postCountProjection"),
                new PostCreated(kept, ann, "One", List.of(), List.of(), List.of()),
                new PostCreated(deleted, ann, "Two", List.of(), List.of(), List.of()),
                new PostDeleted(deleted, ann, ann));
        assertThat(users.findById(carl)).as("nothing written before the batch commits").isEmpty();
        batch.commit();

        assertThat(user(ann)).satisfies(user -> {
            assertThat(user.followersCount()).as("carl and bob; dave is gone").isEqualTo(2);
            assertThat(user.followingCount()).as("bob").isEqualTo(1);
            assertThat(user.postsCount()).isEqualTo(1);
        });
        assertThat(user(bob).followersCount()).isEqualTo(1);
        assertThat(user(bob).followingCount()).isEqualTo(1);
        assertThat(user(carl).followingCount()).isEqualTo(1);
        assertThat(users.findById(dave)).isEmpty();
        assertThat(graph.followers(ann, null, null, 10).items()).extracting(viewed -> viewed.user().id())
                .containsExactlyInAnyOrder(carl, bob);
        assertThat(graph.relation(carl, bob).blockedByMe()).isTrue();
    }

    private UserView user(UUID id) {
        return users.findById(id).orElseThrow();
    }
}
