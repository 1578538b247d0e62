package io.glimpse.events.comment;

import io.glimpse.events.PersonalData;

import java.util.List;
import java.util.UUID;

/** What happened to a comment. The {@code Comment} aggregate is the only source of these events. */
public sealed interface CommentEvent {

    UUID commentId();

    /** @param mentions lower-case usernames mentioned with '@' in the text */
    record CommentAdded(UUID commentId, UUID postId, UUID postAuthorId, UUID authorId,
                        @PersonalData String text, List<String> mentions) implements CommentEvent {
    }

    /** @param mentions the mentions the edit added */
    record CommentEdited(UUID commentId, UUID postId, UUID authorId, @PersonalData String text,
                         List<String> mentions) implements CommentEvent {
    }

    record CommentDeleted(UUID commentId, UUID postId, UUID authorId, UUID deletedBy) implements CommentEvent {
    }
}
