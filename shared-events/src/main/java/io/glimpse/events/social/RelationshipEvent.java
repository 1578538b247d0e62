package io.glimpse.events.social;

import java.util.UUID;

/**
 * What happened between two users. The {@code Relationship} aggregate of the pair is the only
 * source of these events, so each pair's follows and blocks change in one ordered stream.
 */
public sealed interface RelationshipEvent {

    record UserFollowed(UUID followerId, UUID followeeId) implements RelationshipEvent {
    }

    /** Also emitted for the follows a block removes, so that read models have one way to end a follow. */
    record UserUnfollowed(UUID followerId, UUID followeeId) implements RelationshipEvent {
    }

    record UserBlocked(UUID blockerId, UUID blockedId) implements RelationshipEvent {
    }

    record UserUnblocked(UUID blockerId, UUID blockedId) implements RelationshipEvent {
    }
}
