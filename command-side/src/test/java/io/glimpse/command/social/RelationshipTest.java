package io.glimpse.command.social;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.social.RelationshipCommands.BlockUser;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import io.glimpse.command.social.RelationshipCommands.UnblockUser;
import io.glimpse.command.social.RelationshipCommands.UnfollowUser;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RelationshipTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();

    private FixtureConfiguration<Relationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Relationship.class);
    }

    @Test
    void theIdIsTheSameWhicheverUserActs() {
        assertThat(RelationshipId.of(ANN, BOB)).isEqualTo(RelationshipId.of(BOB, ANN));
        assertThat(new FollowUser(ANN, BOB).relationshipId()).isEqualTo(new BlockUser(BOB, ANN).relationshipId());
    }

    @Test
    void aFirstFollowStartsTheRelationship() {
        fixture.givenNoPriorActivity()
                .when(new FollowUser(ANN, BOB))
                .expectEvents(new UserFollowed(ANN, BOB));
    }

    @Test
    void followingBackIsASecondIndependentFollow() {
        fixture.given(new UserFollowed(ANN, BOB))
                .when(new FollowUser(BOB, ANN))
                .expectEvents(new UserFollowed(BOB, ANN));
    }

    @Test
    void followingTwiceEmitsNothing() {
        fixture.given(new UserFollowed(ANN, BOB))
                .when(new FollowUser(ANN, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyFollowsThemselves() {
        fixture.givenNoPriorActivity()
                .when(new FollowUser(ANN, ANN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("You cannot follow yourself");
    }

    @Test
    void noFollowWhileTheFolloweeBlocksTheFollower() {
        fixture.given(new UserBlocked(BOB, ANN))
                .when(new FollowUser(ANN, BOB))
                .expectNoEvents()
                .expectExceptionMessage("You cannot follow this user");
    }

    @Test
    void noFollowWhileTheFollowerBlocksTheFollowee() {
        fixture.given(new UserBlocked(ANN, BOB))
                .when(new FollowUser(ANN, BOB))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void unfollowEndsAFollow() {
        fixture.given(new UserFollowed(ANN, BOB))
                .when(new UnfollowUser(ANN, BOB))
                .expectEvents(new UserUnfollowed(ANN, BOB));
    }

    @Test
    void unfollowingSomeoneNotFollowedEmitsNothing() {
        fixture.given(new UserFollowed(BOB, ANN))
                .when(new UnfollowUser(ANN, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfollowingAStrangerEmitsNothing() {
        fixture.givenNoPriorActivity()
                .when(new UnfollowUser(ANN, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBlockEndsTheFollowsInBothDirectionsInTheSameDecision() {
        fixture.given(new UserFollowed(ANN, BOB), new UserFollowed(BOB, ANN))
                .when(new BlockUser(ANN, BOB))
                .expectEvents(new UserBlocked(ANN, BOB), new UserUnfollowed(ANN, BOB), new UserUnfollowed(BOB, ANN));
    }

    @Test
    void aBlockWithoutFollowsIsJustABlock() {
        fixture.givenNoPriorActivity()
                .when(new BlockUser(ANN, BOB))
                .expectEvents(new UserBlocked(ANN, BOB));
    }

    @Test
    void blockingTwiceEmitsNothing() {
        fixture.given(new UserBlocked(ANN, BOB))
                .when(new BlockUser(ANN, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void bothMayBlockEachOther() {
        fixture.given(new UserBlocked(ANN, BOB))
                .when(new BlockUser(BOB, ANN))
                .expectEvents(new UserBlocked(BOB, ANN));
    }

    @Test
    void nobodyBlocksThemselves() {
        fixture.givenNoPriorActivity()
                .when(new BlockUser(ANN, ANN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void unblockingRestoresNoFollow() {
        fixture.given(new UserFollowed(ANN, BOB), new UserBlocked(BOB, ANN), new UserUnfollowed(ANN, BOB))
                .when(new UnblockUser(BOB, ANN))
                .expectEvents(new UserUnblocked(BOB, ANN));
    }

    @Test
    void unblockingSomeoneNotBlockedEmitsNothing() {
        fixture.given(new UserBlocked(BOB, ANN))
                .when(new UnblockUser(ANN, BOB))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void afterBothUnblockFollowingIsAllowedAgain() {
        fixture.given(new UserBlocked(ANN, BOB), new UserBlocked(BOB, ANN), new UserUnblocked(ANN, BOB),
                        new UserUnblocked(BOB, ANN))
                .when(new FollowUser(ANN, BOB))
                .expectEvents(new UserFollowed(ANN, BOB));
    }

    @Test
    void whileOneBlockRemainsFollowingStaysForbidden() {
        fixture.given(new UserBlocked(ANN, BOB), new UserBlocked(BOB, ANN), new UserUnblocked(ANN, BOB))
                .when(new FollowUser(ANN, BOB))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }
}
