package io.glimpse.command.comment;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.comment.CommentCommands.AddComment;
import io.glimpse.command.comment.CommentCommands.DeleteComment;
import io.glimpse.command.comment.CommentCommands.EditComment;
import io.glimpse.command.facts.CommandFacts;
import io.glimpse.command.facts.CommandFacts.PostAuthor;
import io.glimpse.command.post.Captions;
import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.comment.CommentEvent.CommentEdited;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A comment on a post. Its own aggregate, so a post's state does not grow with its comments; it
 * remembers the post's author because the post's author may delete it.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class Comment {

    public static final int TEXT_MAX = 1_000;

    @AggregateIdentifier
    private UUID commentId;
    private UUID postId;
    private UUID postAuthorId;
    private UUID authorId;
    private String text;
    private boolean deleted;

    protected Comment() {
        // for Axon: rebuilt from its events
    }

    /** Only on a live post, and not across a block between the commenter and the post's author. */
    @CommandHandler
    public Comment(AddComment command, CommandFacts facts) {
        String text = checkedText(command.text());
        PostAuthor postAuthor = facts.livePostAuthor(command.postId(), command.authorId())
                .orElseThrow(() -> CommandRejectedException.notFound("No such post"));
        if (postAuthor.blockedEitherWay()) {
            throw CommandRejectedException.forbidden("You cannot comment on this post");
        }
        apply(new CommentAdded(command.commentId(), command.postId(), postAuthor.id(), command.authorId(), text,
                Captions.mentions(text)));
    }

    @CommandHandler
    void handle(EditComment command) {
        if (deleted || !postId.equals(command.postId())) {
            throw CommandRejectedException.notFound("No such comment");
        }
        if (!command.requester().is(authorId)) {
            throw CommandRejectedException.forbidden("Only the comment's author may edit it");
        }
        String newText = checkedText(command.text());
        if (!newText.equals(text)) {
            List<String> added = new ArrayList<>(Captions.mentions(newText));
            added.removeAll(Captions.mentions(text));
            apply(new CommentEdited(commentId, postId, authorId, newText, List.copyOf(added)));
        }
    }

    /** The comment's author, the post's author or an admin; deleting twice is not an error. */
    @CommandHandler
    void handle(DeleteComment command) {
        if (!postId.equals(command.postId())) {
            throw CommandRejectedException.notFound("No such comment");
        }
        if (deleted) {
            return;
        }
        if (!command.requester().isOwnerOrAdmin(authorId) && !command.requester().is(postAuthorId)) {
            throw CommandRejectedException.forbidden("Only the comment's author, the post's author or an admin may delete it");
        }
        apply(new CommentDeleted(commentId, postId, authorId, command.requester().userId()));
    }

    @EventSourcingHandler
    void on(CommentAdded event) {
        commentId = event.commentId();
        postId = event.postId();
        postAuthorId = event.postAuthorId();
        authorId = event.authorId();
        text = event.text();
    }

    @EventSourcingHandler
    void on(CommentEdited event) {
        text = event.text();
    }

    @EventSourcingHandler
    void on(CommentDeleted event) {
        deleted = true;
    }

    private static String checkedText(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > TEXT_MAX) {
            throw CommandRejectedException.invalid("text", "must be 1-" + TEXT_MAX + " characters");
        }
        return stripped;
    }
}
