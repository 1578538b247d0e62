package io.glimpse.command.like;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.facts.CommandFacts;
import io.glimpse.command.facts.CommandFacts.PostAuthor;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.like.LikeCommands.UnlikePost;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One user's like of one post: liked or not. Liking twice or unliking what is not liked emits nothing. */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class PostLike {

    @AggregateIdentifier
    private String likeId;
    private UUID postAuthorId;
    private boolean liked;

    protected PostLike() {
        // created by the pair's first command, rebuilt from its events afterwards
    }

    public static String idOf(UUID postId, UUID userId) {
        return "post-like:" + postId + ":" + userId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LikePost command, CommandFacts facts) {
        if (liked) {
            return;
        }
        PostAuthor author = facts.livePostAuthor(command.postId(), command.userId())
                .orElseThrow(() -> CommandRejectedException.notFound("No such post"));
        if (author.blockedEitherWay()) {
            throw CommandRejectedException.forbidden("You cannot like this post");
        }
        apply(new PostLiked(command.postId(), author.id(), command.userId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UnlikePost command) {
        if (liked) {
            apply(new PostUnliked(command.postId(), postAuthorId, command.userId()));
        }
    }

    @EventSourcingHandler
    void on(PostLiked event) {
        likeId = idOf(event.postId(), event.userId());
        postAuthorId = event.postAuthorId();
        liked = true;
    }

    @EventSourcingHandler
    void on(PostUnliked event) {
        liked = false;
    }
}
