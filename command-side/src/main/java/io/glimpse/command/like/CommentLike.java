package io.glimpse.command.like;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.facts.CommandFacts;
import io.glimpse.command.facts.CommandFacts.LiveComment;
import io.glimpse.command.like.LikeCommands.LikeComment;
import io.glimpse.command.like.LikeCommands.UnlikeComment;
import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.CommentUnliked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One user's like of one comment. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class CommentLike {

    @AggregateIdentifier
    private String likeId;
    private UUID postId;
    private UUID commentAuthorId;
    private boolean liked;

    protected CommentLike() {
        // created by the pair's first command, rebuilt from its events afterwards
    }

    public static String idOf(UUID commentId, UUID userId) {
        return "comment-like:" + commentId + ":" + userId;
    }

    /** Not across a block with the comment's author, nor with the post's author. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LikeComment command, CommandFacts facts) {
        if (liked) {
            return;
        }
        LiveComment comment = facts.liveComment(command.commentId())
                .filter(live -> live.postId().equals(command.postId()))
                .orElseThrow(() -> CommandRejectedException.notFound("No such comment"));
        if (facts.blockedEitherWay(command.userId(), comment.authorId())
                || facts.blockedEitherWay(command.userId(), comment.postAuthorId())) {
            throw CommandRejectedException.forbidden("You cannot like this comment");
        }
        apply(new CommentLiked(command.commentId(), comment.postId(), comment.authorId(), command.userId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnlikeComment command) {
        if (liked) {
            apply(new CommentUnliked(command.commentId(), postId, commentAuthorId, command.userId()));
        }
    }

    @EventSourcingHandler
    void on(CommentLiked event) {
        likeId = idOf(event.commentId(), event.userId());
        postId = event.postId();
        commentAuthorId = event.commentAuthorId();
        liked = true;
    }

    @EventSourcingHandler
    void on(CommentUnliked event) {
        liked = false;
    }
}
