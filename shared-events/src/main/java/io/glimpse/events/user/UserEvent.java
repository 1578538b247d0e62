package io.glimpse.events.user;

import io.glimpse.events.PersonalData;

import java.util.UUID;

/** What happened to an account. The {@code User} aggregate is the only source of these events. */
public sealed interface UserEvent {

    UUID userId();

    /**
     * A new account. Carries the password's hash (never the password) so that the credentials read
     * model can be rebuilt from the event history like any other projection.
     */
    record UserRegistered(UUID userId,
                          String username,
                          @PersonalData String email,
                          @PersonalData String passwordHash,
                          @PersonalData String displayName) implements UserEvent {
    }

    /** The profile after the change: both fields as they now are, not a patch. */
    record UserProfileUpdated(UUID userId,
                              @PersonalData String displayName,
                              @PersonalData String bio) implements UserEvent {
    }

    /**
     * A new profile picture, stored under {@code avatarKey} in the media store; the previous one
     * ({@code null} if none) is no longer used.
     */
    record UserAvatarChanged(UUID userId, @PersonalData String avatarKey, String previousAvatarKey)
            implements UserEvent {
    }

    /**
     * The account is gone. Read models drop everything about the user; the username stays
     * reserved on the command side.
     */
    record UserDeleted(UUID userId, UUID deletedBy) implements UserEvent {
    }
}
