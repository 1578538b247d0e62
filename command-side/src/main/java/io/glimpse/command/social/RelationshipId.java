package io.glimpse.command.social;

import java.util.UUID;

/** The identifier of the relationship between two users: the same whichever of them acts. */
public final class RelationshipId {

    private RelationshipId() {
    }

    public static String of(UUID one, UUID other) {
        String a = one.toString();
        String b = other.toString();
        return a.compareTo(b) <= 0 ? a + ":" + b : b + ":" + a;
    }
}
