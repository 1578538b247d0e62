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

    public record EditComment(@TargetAggregateIdentifier UUID commentId, Requester requester, String text) {
    }

    public record DeleteComment(@TargetAggregateIdentifier UUID commentId, Requester requester) {
    }
}
