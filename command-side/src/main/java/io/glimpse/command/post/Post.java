package io.glimpse.command.post;

import io.glimpse.command.SnapshotFields;
import io.glimpse.command.RecentAggregates;
import io.glimpse.command.Snapshots;
import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.post.PostCommands.CompleteMediaProcessing;
import io.glimpse.command.post.PostCommands.CreatePost;
import io.glimpse.command.post.PostCommands.DeletePost;
import io.glimpse.command.post.PostCommands.EditPost;
import io.glimpse.command.post.PostCommands.FailMediaProcessing;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.events.post.PostEvent.MediaProcessed;
import io.glimpse.events.post.PostEvent.MediaProcessingFailed;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A post: caption, tags and up to ten images. Keeps what its decisions need: the author, the
 * caption and explicit tags (an edit recomputes the tags from both), which images still await
 * processing, and whether it was deleted. Likes and comments are other aggregates: a post's
 * state never grows with its popularity.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = RecentAggregates.CACHE)
@SnapshotFields
public class Post {

    public static final int CAPTION_MAX = 2_200;
    public static final int MEDIA_MAX = 10;
    public static final int TAGS_MAX = 30;

    @AggregateIdentifier
    private UUID postId;
    private UUID authorId;
    private String caption;
    private List<String> explicitTags;
    private boolean hasMedia;
    private Set<UUID> processing = new HashSet<>();
    private boolean deleted;

    protected Post() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Post(CreatePost command) {
        String caption = command.caption() == null ? "" : command.caption().strip();
        List<MediaAttachment> media = command.media() == null ? List.of() : command.media();
        if (caption.isEmpty() && media.isEmpty()) {
            throw CommandRejectedException.invalid("caption", "A post needs a caption or an image");
        }
        if (media.size() > MEDIA_MAX) {
            throw CommandRejectedException.invalid("files", "A post has at most " + MEDIA_MAX + " images");
        }
        List<String> explicit = explicitTags(command.tags());
        apply(new PostCreated(command.postId(), command.authorId(), checkedCaption(caption),
                allTags(explicit, caption), Captions.mentions(caption), List.copyOf(media)));
    }

    @CommandHandler
    void handle(EditPost command) {
        requireLive();
        if (!command.requester().is(authorId)) {
            throw CommandRejectedException.forbidden("Only the author may edit a post");
        }
        String newCaption = command.caption() == null ? caption : checkedCaption(command.caption().strip());
        if (newCaption.isEmpty() && !hasMedia) {
            throw CommandRejectedException.invalid("caption", "A post without images needs a caption");
        }
        List<String> newExplicit = command.tags() == null ? explicitTags : explicitTags(command.tags());
        List<String> newTags = allTags(newExplicit, newCaption);
        if (!newCaption.equals(caption) || !newTags.equals(allTags(explicitTags, caption))) {
            List<String> addedMentions = new ArrayList<>(Captions.mentions(newCaption));
            addedMentions.removeAll(Captions.mentions(caption));
            apply(new PostEdited(postId, authorId, newCaption, newTags, List.copyOf(addedMentions)));
        }
    }

    /** Deleting twice is not an error. */
    @CommandHandler
    void handle(DeletePost command) {
        if (deleted) {
            return;
        }
        if (!command.requester().isOwnerOrAdmin(authorId)) {
            throw CommandRejectedException.forbidden("Only the author or an admin may delete a post");
        }
        apply(new PostDeleted(postId, authorId, command.requester().userId()));
    }

    /** Late or repeated reports about an image are ignored: the first outcome stands. */
    @CommandHandler
    void handle(CompleteMediaProcessing command) {
        if (!deleted && processing.contains(command.mediaId())) {
            apply(new MediaProcessed(postId, authorId, command.mediaId(), command.width(), command.height()));
        }
    }

    @CommandHandler
    void handle(FailMediaProcessing command) {
        if (!deleted && processing.contains(command.mediaId())) {
            apply(new MediaProcessingFailed(postId, command.mediaId(), command.reason()));
        }
    }

    @EventSourcingHandler
    void on(PostCreated event) {
        postId = event.postId();
        authorId = event.authorId();
        caption = event.caption();
        hasMedia = !event.media().isEmpty();
        event.media().forEach(media -> processing.add(media.mediaId()));
        // The created event carries the merged tags; the explicit ones are those the caption does not explain.
        explicitTags = event.tags().stream().filter(tag -> !Captions.hashtags(caption).contains(tag)).toList();
    }

    @EventSourcingHandler
    void on(PostEdited event) {
        caption = event.caption();
        explicitTags = event.tags().stream().filter(tag -> !Captions.hashtags(caption).contains(tag)).toList();
    }

    @EventSourcingHandler
    void on(MediaProcessed event) {
        processing.remove(event.mediaId());
    }

    @EventSourcingHandler
    void on(MediaProcessingFailed event) {
        processing.remove(event.mediaId());
    }

    @EventSourcingHandler
    void on(PostDeleted event) {
        deleted = true;
    }

    private void requireLive() {
        if (deleted) {
            throw CommandRejectedException.notFound("No such post");
        }
    }

    private static String checkedCaption(String caption) {
        if (caption.length() > CAPTION_MAX) {
            throw CommandRejectedException.invalid("caption", "must be at most " + CAPTION_MAX + " characters");
        }
        return caption;
    }

    private static List<String> explicitTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String tag : tags) {
            String clean = Captions.normalizeTag(Objects.requireNonNullElse(tag, ""));
            if (!clean.matches(Captions.TAG_PATTERN)) {
                throw CommandRejectedException.invalid("tags", "A tag is 1-50 letters, digits or underscores");
            }
            normalized.add(clean);
        }
        return List.copyOf(normalized);
    }

    private static List<String> allTags(List<String> explicit, String caption) {
        Set<String> all = new LinkedHashSet<>(explicit);
        all.addAll(Captions.hashtags(caption));
        if (all.size() > TAGS_MAX) {
            throw CommandRejectedException.invalid("tags", "A post has at most " + TAGS_MAX + " tags");
        }
        return List.copyOf(all);
    }
}
