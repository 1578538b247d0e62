package io.glimpse.command.social;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Commands on the {@code Relationship} of two users; each names the pair's aggregate by its two users. */
public final class RelationshipCommands {

    private RelationshipCommands() {
    }

    public record FollowUser(UUID followerId, UUID followeeId) {
        @TargetAggregateIdentifier
        public String relationshipId() {
            return RelationshipId.of(followerId, followeeId);
        }
    }

    public record UnfollowUser(UUID followerId, UUID followeeId) {
        @TargetAggregateIdentifier
        public String relationshipId() {
            return RelationshipId.of(followerId, followeeId);
        }
    }

    public record BlockUser(UUID blockerId, UUID blockedId) {
        @TargetAggregateIdentifier
        public String relationshipId() {
            return RelationshipId.of(blockerId, blockedId);
        }
    }

    public record UnblockUser(UUID blockerId, UUID blockedId) {
        @TargetAggregateIdentifier
        public String relationshipId() {
            return RelationshipId.of(blockerId, blockedId);
        }
    }
}
