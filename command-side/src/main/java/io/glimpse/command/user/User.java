package io.glimpse.command.user;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.Requester;
import io.glimpse.command.user.UserCommands.ChangeAvatar;
import io.glimpse.command.user.UserCommands.DeleteUser;
import io.glimpse.command.user.UserCommands.RegisterUser;
import io.glimpse.command.user.UserCommands.UpdateProfile;
import io.glimpse.events.user.UserEvent.UserAvatarChanged;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account. Keeps only what its decisions need: whether it still exists, and the current profile
 * so that an update that changes nothing emits nothing.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class User {

    @AggregateIdentifier
    private UUID userId;
    private String displayName;
    private String bio;
    private String avatarKey;
    private boolean deleted;

    protected User() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public User(RegisterUser command, AccountClaims claims) {
        String username = AccountRules.normalizeUsername(command.username());
        if (username == null || !username.matches(AccountRules.USERNAME_PATTERN)) {
            throw CommandRejectedException.invalid("username", "must be 3-30 characters of a-z, 0-9, _ and .");
        }
        claims.claim(command.userId(), username, command.email());
        apply(new UserRegistered(command.userId(), username, command.email().trim(),
                command.passwordHash(), displayNameOrDefault(command.displayName(), username)));
    }

    @CommandHandler
    public void handle(UpdateProfile command) {
        requireExists();
        requireOwner(command.requester());
        String newDisplayName = command.displayName() == null ? displayName : command.displayName().trim();
        String newBio = command.bio() == null ? bio : command.bio().trim();
        if (newBio.length() > AccountRules.BIO_MAX) {
            throw CommandRejectedException.invalid("bio", "must be at most " + AccountRules.BIO_MAX + " characters");
        }
        if (newDisplayName.isEmpty() || newDisplayName.length() > AccountRules.DISPLAY_NAME_MAX) {
            throw CommandRejectedException.invalid("displayName",
                    "must be 1-" + AccountRules.DISPLAY_NAME_MAX + " characters");
        }
        if (!Objects.equals(newDisplayName, displayName) || !Objects.equals(newBio, bio)) {
            apply(new UserProfileUpdated(userId, newDisplayName, newBio));
        }
    }

    @CommandHandler
    public void handle(ChangeAvatar command) {
        requireExists();
        requireOwner(command.requester());
        apply(new UserAvatarChanged(userId, command.avatarKey(), avatarKey));
    }

    /** Deleting twice is not an error: the second time there is nothing left to do. */
    @CommandHandler
    public void handle(DeleteUser command, AccountClaims claims) {
        if (deleted) {
            return;
        }
        if (!command.requester().isOwnerOrAdmin(userId)) {
            throw CommandRejectedException.forbidden("Only the account owner or an admin may delete it");
        }
        claims.releaseEmail(userId);
        apply(new UserDeleted(userId, command.requester().userId()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        displayName = event.displayName();
        bio = "";
    }

    @EventSourcingHandler
    void on(UserProfileUpdated event) {
        displayName = event.displayName();
        bio = event.bio();
    }

    @EventSourcingHandler
    void on(UserAvatarChanged event) {
        avatarKey = event.avatarKey();
    }

    @EventSourcingHandler
    void on(UserDeleted event) {
        deleted = true;
    }

    private void requireExists() {
        if (deleted) {
            throw CommandRejectedException.notFound("No such user");
        }
    }

    private void requireOwner(Requester requester) {
        if (!requester.is(userId)) {
            throw CommandRejectedException.forbidden("Only the account owner may change it");
        }
    }

    private static String displayNameOrDefault(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName.trim();
    }
}
