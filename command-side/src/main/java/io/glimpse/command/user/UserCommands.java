package io.glimpse.command.user;

import io.glimpse.command.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Commands on the {@code User} aggregate. */
public final class UserCommands {

    private UserCommands() {
    }

    /** Carries the password's hash: the plain password never enters the message bus. */
    public record RegisterUser(UUID userId, String username, String email, String passwordHash,
                               String displayName) {
    }

    /** {@code null} fields stay as they are. */
    public record UpdateProfile(@TargetAggregateIdentifier UUID userId, Requester requester,
                                String displayName, String bio) {
    }

    /** @param avatarKey where the new picture is stored in the media store */
    public record ChangeAvatar(@TargetAggregateIdentifier UUID userId, Requester requester, String avatarKey) {
    }

    public record DeleteUser(@TargetAggregateIdentifier UUID userId, Requester requester) {
    }
}
