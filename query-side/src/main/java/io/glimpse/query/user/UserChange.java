package io.glimpse.query.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to the users processor's read model (profiles, their counters, follows and blocks),
 * recorded by its handlers and applied by {@link UserWriter} when their batch commits.
 */
public sealed interface UserChange {

    record Registered(UUID id, String username, String email, String passwordHash, String displayName,
                      Instant at) implements UserChange {
    }

    record ProfileUpdated(UUID id, String displayName, String bio) implements UserChange {
    }

    record AvatarChanged(UUID id, String avatarUrl) implements UserChange {
    }

    /** The profile row and every piece of personal data in it leave. */
    record Deleted(UUID id) implements UserChange {
    }

    record PostsCounted(UUID id, int delta) implements UserChange {
    }

    record Followed(UUID followerId, UUID followeeId, Instant at) implements UserChange {
    }

    record Unfollowed(UUID followerId, UUID followeeId) implements UserChange {
    }

    record Blocked(UUID blockerId, UUID blockedId, Instant at) implements UserChange {
    }

    record Unblocked(UUID blockerId, UUID blockedId) implements UserChange {
    }

    /** A deleted account leaves every follow and block list and every count. */
    record Forgotten(UUID id) implements UserChange {
    }
}
