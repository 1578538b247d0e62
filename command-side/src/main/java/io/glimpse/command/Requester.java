package io.glimpse.command;

import java.util.UUID;

/** Who sends a command. Aggregates use it for object-level authorization. */
public record Requester(UUID userId, boolean admin) {

    public static Requester user(UUID userId) {
        return new Requester(userId, false);
    }

    public boolean is(UUID ownerId) {
        return userId.equals(ownerId);
    }

    public boolean isOwnerOrAdmin(UUID ownerId) {
        return admin || is(ownerId);
    }
}
