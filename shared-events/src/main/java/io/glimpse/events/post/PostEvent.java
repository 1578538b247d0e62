package io.glimpse.events.post;

import io.glimpse.events.PersonalData;

import java.util.List;
import java.util.UUID;

/** What happened to a post. The {@code Post} aggregate is the only source of these events. */
public sealed interface PostEvent {

    UUID postId();

    /**
     * @param tags     lower-case, without '#': the explicit tags merged with the caption's hashtags
     * @param mentions lower-case usernames mentioned with '@' in the caption
     */
    record PostCreated(UUID postId,
                       UUID authorId,
                       @PersonalData String caption,
                       List<String> tags,
                       List<String> mentions,
                       List<MediaAttachment> media) implements PostEvent {
    }

    /** The caption and tags after the edit; {@code mentions} are the ones the edit added. */
    record PostEdited(UUID postId,
                      UUID authorId,
                      @PersonalData String caption,
                      List<String> tags,
                      List<String> mentions) implements PostEvent {
    }

    record PostDeleted(UUID postId, UUID authorId, UUID deletedBy) implements PostEvent {
    }

    /** The renditions of one image are stored; sizes are those of the feed rendition. */
    record MediaProcessed(UUID postId, UUID authorId, UUID mediaId, int width, int height) implements PostEvent {
    }

    /** One image could not be processed after bounded retries. */
    record MediaProcessingFailed(UUID postId, UUID mediaId, String reason) implements PostEvent {
    }
}
