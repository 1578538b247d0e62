package io.glimpse.command.facts;

import java.util.Optional;
import java.util.UUID;

/**
 * Facts about other aggregates that a decision needs: does the post or comment still exist, who
 * wrote it, does a block stand between two users. Kept by {@link FactsRecorder} in the same
 * transaction as the events that change them, so they never lag the way read models do.
 */
public interface CommandFacts {

    /**
     * The author of a post that exists, is not deleted and whose author's account is not deleted,
     * and whether either of that author and {@code actorId} blocks the other: what a like or a
     * comment asks, in one question.
     */
    Optional<PostAuthor> livePostAuthor(UUID postId, UUID actorId);

    /** A comment that exists, is not deleted, and is on a live post. */
    Optional<LiveComment> liveComment(UUID commentId);

    /** Whether either user blocks the other. */
    boolean blockedEitherWay(UUID oneUser, UUID otherUser);

    record LiveComment(UUID postId, UUID postAuthorId, UUID authorId) {
    }

    record PostAuthor(UUID id, boolean blockedEitherWay) {
    }
}
