package io.glimpse.command.post;

import io.glimpse.command.Requester;
import io.glimpse.events.post.MediaAttachment;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Commands on the {@code Post} aggregate. */
public final class PostCommands {

    private PostCommands() {
    }

    /** @param tags explicit tags, with or without '#'; the caption's hashtags are added to them */
    public record CreatePost(UUID postId, UUID authorId, String caption, List<String> tags,
                             List<MediaAttachment> media) {
    }

    /** {@code null} fields stay as they are. */
    public record EditPost(@TargetAggregateIdentifier UUID postId, Requester requester, String caption,
                           List<String> tags) {
    }

    public record DeletePost(@TargetAggregateIdentifier UUID postId, Requester requester) {
    }

    /** Sent by the media worker once an image's renditions are stored. */
    public record CompleteMediaProcessing(@TargetAggregateIdentifier UUID postId, UUID mediaId, int width,
                                          int height) {
    }

    /** Sent by the media worker when an image cannot be processed. */
    public record FailMediaProcessing(@TargetAggregateIdentifier UUID postId, UUID mediaId, String reason) {
    }
}
