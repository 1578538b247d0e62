package io.glimpse.command.user;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.CommandRejectedException.Reason;
import io.glimpse.command.Requester;
import io.glimpse.command.user.UserCommands.ChangeAvatar;
import io.glimpse.command.user.UserCommands.DeleteUser;
import io.glimpse.command.user.UserCommands.RegisterUser;
import io.glimpse.command.user.UserCommands.UpdateProfile;
import io.glimpse.events.user.UserEvent.UserAvatarChanged;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID MALLORY = UUID.randomUUID();
    private static final UserRegistered ALICE_REGISTERED =
            new UserRegistered(ALICE, "alice", "alice@example.com", "{argon2}hash", "Alice");

    private FixtureConfiguration<User> fixture;
    private InMemoryAccountClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        claims = new InMemoryAccountClaims();
        fixture.registerInjectableResource(claims);
    }

    @Test
    void registeringLowerCasesTheUsernameAndDefaultsTheDisplayNameToIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ALICE, "Alice", " alice@example.com ", "{argon2}hash", null))
                .expectEvents(new UserRegistered(ALICE, "alice", "alice@example.com", "{argon2}hash", "alice"));
        assertThat(claims.usernames).containsEntry("alice", ALICE);
    }

    @Test
    void aTakenUsernameIsAConflict() {
        claims.claim(UUID.randomUUID(), "alice", "someone@example.com");
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ALICE, "ALICE", "alice@example.com", "{argon2}hash", "Alice"))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("is already taken");
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        claims.claim(UUID.randomUUID(), "bob", "alice@example.com");
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ALICE, "alice", "Alice@Example.com", "{argon2}hash", "Alice"))
                .expectNoEvents()
                .expectExceptionMessage("is already registered");
    }

    @Test
    void aMalformedUsernameIsRejectedEvenIfTheApiLetItThrough() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ALICE, "no spaces!", "alice@example.com", "{argon2}hash", null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void theOwnerUpdatesTheProfile() {
        fixture.given(ALICE_REGISTERED)
                .when(new UpdateProfile(ALICE, Requester.user(ALICE), "Alice A.", "Photographer"))
                .expectEvents(new UserProfileUpdated(ALICE, "Alice A.", "Photographer"));
    }

    @Test
    void aPartialUpdateKeepsTheOtherField() {
        fixture.given(ALICE_REGISTERED, new UserProfileUpdated(ALICE, "Alice", "Photographer"))
                .when(new UpdateProfile(ALICE, Requester.user(ALICE), "Ali", null))
                .expectEvents(new UserProfileUpdated(ALICE, "Ali", "Photographer"));
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        fixture.given(ALICE_REGISTERED)
                .when(new UpdateProfile(ALICE, Requester.user(ALICE), "Alice", ""))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyElseUpdatesTheProfileNotEvenAnAdmin() {
        fixture.given(ALICE_REGISTERED)
                .when(new UpdateProfile(ALICE, new Requester(MALLORY, true), "Hacked", null))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectException(rejection(Reason.FORBIDDEN));
    }

    @Test
    void aBioLongerThan150CharactersIsInvalid() {
        fixture.given(ALICE_REGISTERED)
                .when(new UpdateProfile(ALICE, Requester.user(ALICE), null, "x".repeat(151)))
                .expectNoEvents()
                .expectException(rejection(Reason.INVALID));
    }

    @Test
    void theOwnerChangesTheAvatarAndTheOldOneIsNamedForCleanUp() {
        fixture.given(ALICE_REGISTERED, new UserAvatarChanged(ALICE, "users/a/avatar/1.jpg", null))
                .when(new ChangeAvatar(ALICE, Requester.user(ALICE), "users/a/avatar/2.jpg"))
                .expectEvents(new UserAvatarChanged(ALICE, "users/a/avatar/2.jpg", "users/a/avatar/1.jpg"));
    }

    @Test
    void nobodyElseChangesTheAvatar() {
        fixture.given(ALICE_REGISTERED)
                .when(new ChangeAvatar(ALICE, new Requester(MALLORY, true), "users/a/avatar/evil.jpg"))
                .expectNoEvents()
                .expectException(rejection(Reason.FORBIDDEN));
    }

    @Test
    void theOwnerDeletesTheAccountAndFreesTheEmail() {
        claims.claim(ALICE, "alice", "alice@example.com");
        fixture.given(ALICE_REGISTERED)
                .when(new DeleteUser(ALICE, Requester.user(ALICE)))
                .expectEvents(new UserDeleted(ALICE, ALICE));
        assertThat(claims.emails).isEmpty();
        assertThat(claims.usernames).as("usernames stay reserved").containsKey("alice");
    }

    @Test
    void anAdminDeletesAnyAccount() {
        UUID admin = UUID.randomUUID();
        fixture.given(ALICE_REGISTERED)
                .when(new DeleteUser(ALICE, new Requester(admin, true)))
                .expectEvents(new UserDeleted(ALICE, admin));
    }

    @Test
    void anotherUserCannotDeleteTheAccount() {
        fixture.given(ALICE_REGISTERED)
                .when(new DeleteUser(ALICE, Requester.user(MALLORY)))
                .expectNoEvents()
                .expectException(rejection(Reason.FORBIDDEN));
    }

    @Test
    void deletingTwiceIsANoOp() {
        fixture.given(ALICE_REGISTERED, new UserDeleted(ALICE, ALICE))
                .when(new DeleteUser(ALICE, Requester.user(ALICE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedAccountCannotBeUpdated() {
        fixture.given(ALICE_REGISTERED, new UserDeleted(ALICE, ALICE))
                .when(new UpdateProfile(ALICE, Requester.user(ALICE), "Back", null))
                .expectNoEvents()
                .expectException(rejection(Reason.NOT_FOUND));
    }

    private static org.hamcrest.Matcher<Object> rejection(Reason reason) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CommandRejectedException rejected && rejected.reason() == reason;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a command rejected as " + reason);
            }
        };
    }
}
