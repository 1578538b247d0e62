package io.glimpse.command.feature;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.Requester;
import io.glimpse.command.feature.FeatureFlagCommands.AddToBlocklist;
import io.glimpse.command.feature.FeatureFlagCommands.AddToWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.CreateFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.DeleteFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.EnableFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.RemoveFromWhitelist;
import io.glimpse.command.feature.FeatureFlagCommands.RevertFeatureFlag;
import io.glimpse.command.feature.FeatureFlagCommands.SetRollout;
import io.glimpse.events.feature.FeatureFlagEvent.BlocklistAdded;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagCreated;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagDeleted;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagDisabled;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagEnabled;
import io.glimpse.events.feature.FeatureFlagEvent.FeatureFlagReverted;
import io.glimpse.events.feature.FeatureFlagEvent.RolloutChanged;
import io.glimpse.events.feature.FeatureFlagEvent.WhitelistAdded;
import io.glimpse.events.feature.FeatureFlagEvent.WhitelistRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

class FeatureFlagTest {

    private static final String FLAG = "live-stream";
    private static final UUID ADMIN_ID = UUID.randomUUID();
    private static final UUID OTHER_ADMIN_ID = UUID.randomUUID();
    private static final Requester ADMIN = new Requester(ADMIN_ID, true);
    private static final Requester OTHER_ADMIN = new Requester(OTHER_ADMIN_ID, true);
    private static final Requester USER = Requester.user(UUID.randomUUID());
    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final FeatureFlagCreated CREATED = new FeatureFlagCreated(FLAG, "Live updates", ADMIN_ID);

    private FixtureConfiguration<FeatureFlag> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FeatureFlag.class);
    }

    @Test
    void anAdminCreatesAFlagThatStartsOffAtZeroPercent() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeatureFlag(FLAG, "  Live updates ", ADMIN))
                .expectEvents(CREATED);
    }

    @Test
    void aFlagNameIsLowerCaseLettersDigitsAndSeparators() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeatureFlag("Not A Name", "", ADMIN))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aLiveFlagsNameCannotBeTakenAgain() {
        fixture.given(CREATED)
                .when(new CreateFeatureFlag(FLAG, "again", OTHER_ADMIN))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("is already a feature flag");
    }

    @Test
    void aDeletedFlagMayBeCreatedAgain() {
        fixture.given(CREATED, new FeatureFlagDeleted(FLAG, ADMIN_ID))
                .when(new CreateFeatureFlag(FLAG, "second life", OTHER_ADMIN))
                .expectEvents(new FeatureFlagCreated(FLAG, "second life", OTHER_ADMIN_ID));
    }

    @Test
    void onlyAdminsChangeFlags() {
        fixture.givenNoPriorActivity()
                .when(new CreateFeatureFlag(FLAG, "", USER))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new SetRollout(FLAG, 50, USER))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new DeleteFeatureFlag(FLAG, USER))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void rolloutIsAPercentageAndAnUnchangedOneRecordsNothing() {
        fixture.given(CREATED)
                .when(new SetRollout(FLAG, 25, OTHER_ADMIN))
                .expectEvents(new RolloutChanged(FLAG, 25, OTHER_ADMIN_ID));
        fixture.given(CREATED)
                .when(new SetRollout(FLAG, 101, ADMIN))
                .expectException(CommandRejectedException.class);
        fixture.given(CREATED)
                .when(new SetRollout(FLAG, -1, ADMIN))
                .expectException(CommandRejectedException.class);
        fixture.given(CREATED, new RolloutChanged(FLAG, 25, ADMIN_ID))
                .when(new SetRollout(FLAG, 25, ADMIN))
                .expectNoEvents();
    }

    @Test
    void enablingAndDisablingRecordOnlyChanges() {
        fixture.given(CREATED)
                .when(new EnableFeatureFlag(FLAG, true, ADMIN))
                .expectEvents(new FeatureFlagEnabled(FLAG, ADMIN_ID));
        fixture.given(CREATED, new FeatureFlagEnabled(FLAG, ADMIN_ID))
                .when(new EnableFeatureFlag(FLAG, true, ADMIN))
                .expectNoEvents();
        fixture.given(CREATED, new FeatureFlagEnabled(FLAG, ADMIN_ID))
                .when(new EnableFeatureFlag(FLAG, false, OTHER_ADMIN))
                .expectEvents(new FeatureFlagDisabled(FLAG, OTHER_ADMIN_ID));
    }

    @Test
    void whitelistAndBlocklistChangeOnlyWhatIsNotAlreadySo() {
        fixture.given(CREATED)
                .when(new AddToWhitelist(FLAG, ANN, ADMIN))
                .expectEvents(new WhitelistAdded(FLAG, ANN, ADMIN_ID));
        fixture.given(CREATED, new WhitelistAdded(FLAG, ANN, ADMIN_ID))
                .when(new AddToWhitelist(FLAG, ANN, ADMIN))
                .expectNoEvents();
        fixture.given(CREATED, new WhitelistAdded(FLAG, ANN, ADMIN_ID))
                .when(new RemoveFromWhitelist(FLAG, ANN, ADMIN))
                .expectEvents(new WhitelistRemoved(FLAG, ANN, ADMIN_ID));
        fixture.given(CREATED)
                .when(new RemoveFromWhitelist(FLAG, ANN, ADMIN))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new AddToBlocklist(FLAG, BOB, ADMIN))
                .expectEvents(new BlocklistAdded(FLAG, BOB, ADMIN_ID));
    }

    @Test
    void aDeletedFlagTakesNoChangesAndDeletingTwiceIsNoError() {
        fixture.given(CREATED, new FeatureFlagDeleted(FLAG, ADMIN_ID))
                .when(new SetRollout(FLAG, 10, ADMIN))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No such feature flag");
        fixture.given(CREATED, new FeatureFlagDeleted(FLAG, ADMIN_ID))
                .when(new DeleteFeatureFlag(FLAG, ADMIN))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new DeleteFeatureFlag(FLAG, OTHER_ADMIN))
                .expectEvents(new FeatureFlagDeleted(FLAG, OTHER_ADMIN_ID));
    }

    @Test
    void aRevertRecordsTheWholeStateTheFlagHadAfterThatVersion() {
        fixture.given(CREATED,                                   // version 1
                        new WhitelistAdded(FLAG, ANN, ADMIN_ID),         // 2
                        new RolloutChanged(FLAG, 10, ADMIN_ID),          // 3
                        new FeatureFlagEnabled(FLAG, ADMIN_ID),          // 4
                        new RolloutChanged(FLAG, 80, OTHER_ADMIN_ID),    // 5
                        new BlocklistAdded(FLAG, BOB, OTHER_ADMIN_ID),   // 6
                        new WhitelistRemoved(FLAG, ANN, OTHER_ADMIN_ID)) // 7
                .when(new RevertFeatureFlag(FLAG, 4, ADMIN))
                .expectEvents(new FeatureFlagReverted(FLAG, 4, true, 10, Set.of(ANN), Set.of(), ADMIN_ID));
    }

    @Test
    void aRevertCountsEarlierRevertsAsVersionsToo() {
        fixture.given(CREATED,
                        new RolloutChanged(FLAG, 10, ADMIN_ID),
                        new RolloutChanged(FLAG, 90, ADMIN_ID),
                        new FeatureFlagReverted(FLAG, 2, false, 10, Set.of(), Set.of(), ADMIN_ID))
                .when(new RevertFeatureFlag(FLAG, 3, OTHER_ADMIN))
                .expectEvents(new FeatureFlagReverted(FLAG, 3, false, 90, Set.of(), Set.of(), OTHER_ADMIN_ID));
    }

    @Test
    void aRevertToTheCurrentStateRecordsNothing() {
        fixture.given(CREATED, new RolloutChanged(FLAG, 10, ADMIN_ID), new FeatureFlagEnabled(FLAG, ADMIN_ID),
                        new FeatureFlagDisabled(FLAG, ADMIN_ID))
                .when(new RevertFeatureFlag(FLAG, 2, ADMIN))
                .expectNoEvents();
    }

    @Test
    void aRevertNeedsAVersionTheFlagHadAndThatWasNotDeleted() {
        fixture.given(CREATED, new RolloutChanged(FLAG, 10, ADMIN_ID))
                .when(new RevertFeatureFlag(FLAG, 3, ADMIN))
                .expectException(CommandRejectedException.class);
        fixture.given(CREATED, new RolloutChanged(FLAG, 10, ADMIN_ID))
                .when(new RevertFeatureFlag(FLAG, 0, ADMIN))
                .expectException(CommandRejectedException.class);
        fixture.given(CREATED, new FeatureFlagDeleted(FLAG, ADMIN_ID), new FeatureFlagCreated(FLAG, "", ADMIN_ID))
                .when(new RevertFeatureFlag(FLAG, 2, ADMIN))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("the flag was deleted at that version");
        fixture.given(CREATED)
                .when(new RevertFeatureFlag(FLAG, 1, USER))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Only admins may change feature flags");
    }
}
