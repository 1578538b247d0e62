package io.glimpse.command.comment;

import io.glimpse.command.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Commands on the {@code Comment} aggregate. */
public final class CommentCommands {

    private CommentCommands() {
    }

    public record AddComment(UUID commentId, UUID postId, UUID authorId, String text) {
    }

    /** {@code postId} is the post the caller believes the comment is on: another one is a 404. */
    public record EditComment(@TargetAggregateIdentifier UUID commentId, UUID postId, Requester requester,
                              String text) {
    }

    public record DeleteComment(@TargetAggregateIdentifier UUID commentId, UUID postId, Requester requester) {
    }
}
