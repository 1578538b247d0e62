package io.glimpse.command.social;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.social.RelationshipCommands.BlockUser;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import io.glimpse.command.social.RelationshipCommands.UnblockUser;
import io.glimpse.command.social.RelationshipCommands.UnfollowUser;
import io.glimpse.events.social.RelationshipEvent.UserBlocked;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.social.RelationshipEvent.UserUnblocked;
import io.glimpse.events.social.RelationshipEvent.UserUnfollowed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Everything between two users, both directions: who follows whom and who blocks whom. One small
 * aggregate per pair makes each rule a single atomic decision (a block and the follows it ends
 * happen together; no follow slips in while a block exists) without any user's follower set in
 * one aggregate. Its state never holds more than two users.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class Relationship {

    @AggregateIdentifier
    private String relationshipId;
    /** The users of the pair who follow the other one. */
    private Set<UUID> following = new HashSet<>();
    /** The users of the pair who block the other one. */
    private Set<UUID> blocking = new HashSet<>();

    protected Relationship() {
        // created by the first command about the pair, rebuilt from its events afterwards
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FollowUser command) {
        rejectSelf(command.followerId(), command.followeeId(), "follow");
        if (!blocking.isEmpty()) {
            throw CommandRejectedException.forbidden("You cannot follow this user");
        }
        if (!following.contains(command.followerId())) {
            apply(new UserFollowed(command.followerId(), command.followeeId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnfollowUser command) {
        rejectSelf(command.followerId(), command.followeeId(), "unfollow");
        if (following.contains(command.followerId())) {
            apply(new UserUnfollowed(command.followerId(), command.followeeId()));
        }
    }

    /** A block ends the follows in both directions, in the same decision. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BlockUser command) {
        rejectSelf(command.blockerId(), command.blockedId(), "block");
        if (blocking.contains(command.blockerId())) {
            return;
        }
        apply(new UserBlocked(command.blockerId(), command.blockedId()));
        if (following.contains(command.blockerId())) {
            apply(new UserUnfollowed(command.blockerId(), command.blockedId()));
        }
        if (following.contains(command.blockedId())) {
            apply(new UserUnfollowed(command.blockedId(), command.blockerId()));
        }
    }

    /** Unblocking restores nothing: the follows the block ended stay ended. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnblockUser command) {
        rejectSelf(command.blockerId(), command.blockedId(), "unblock");
        if (blocking.contains(command.blockerId())) {
            apply(new UserUnblocked(command.blockerId(), command.blockedId()));
        }
    }

    @EventSourcingHandler
    void on(UserFollowed event) {
        relationshipId = RelationshipId.of(event.followerId(), event.followeeId());
        following.add(event.followerId());
    }

    @EventSourcingHandler
    void on(UserUnfollowed event) {
        relationshipId = RelationshipId.of(event.followerId(), event.followeeId());
        following.remove(event.followerId());
    }

    @EventSourcingHandler
    void on(UserBlocked event) {
        relationshipId = RelationshipId.of(event.blockerId(), event.blockedId());
        blocking.add(event.blockerId());
    }

    @EventSourcingHandler
    void on(UserUnblocked event) {
        relationshipId = RelationshipId.of(event.blockerId(), event.blockedId());
        blocking.remove(event.blockerId());
    }

    private static void rejectSelf(UUID actor, UUID target, String verb) {
        if (actor.equals(target)) {
            throw CommandRejectedException.invalid("username", "You cannot " + verb + " yourself");
        }
    }
}
