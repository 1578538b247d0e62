package io.glimpse.command.post;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.Requester;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

class PostTest {

    private static final UUID POST = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final MediaAttachment PHOTO = new MediaAttachment(UUID.randomUUID(), "image/jpeg", 800, 600);
    private static final PostCreated CREATED =
            new PostCreated(POST, AUTHOR, "Hello #World", List.of("travel", "world"), List.of(), List.of(PHOTO));

    private FixtureConfiguration<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
    }

    @Test
    void creatingMergesExplicitTagsWithHashtagsAndRecordsMentions() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "  Sunset with @Ann #Beach  ", List.of("#Travel", "beach"), List.of(PHOTO)))
                .expectEvents(new PostCreated(POST, AUTHOR, "Sunset with @Ann #Beach", List.of("travel", "beach"),
                        List.of("ann"), List.of(PHOTO)));
    }

    @Test
    void aTextOnlyPostIsFine() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "Just words", null, List.of()))
                .expectEvents(new PostCreated(POST, AUTHOR, "Just words", List.of(), List.of(), List.of()));
    }

    @Test
    void aPostNeedsACaptionOrAnImage() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "   ", List.of("tag"), List.of()))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("A post needs a caption or an image");
    }

    @Test
    void theCaptionHasAtMost2200Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "x".repeat(2201), List.of(), List.of()))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void atMostTenImages() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "", List.of(), Collections.nCopies(11, PHOTO)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void malformedTagsAreRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreatePost(POST, AUTHOR, "hi", List.of("no spaces"), List.of()))
                .expectNoEvents()
                .expectExceptionMessage("A tag is 1-50 letters, digits or underscores");
    }

    @Test
    void theAuthorEditsAndTheTagsFollowTheNewCaption() {
        fixture.given(CREATED)
                .when(new EditPost(POST, Requester.user(AUTHOR), "Hello #Moon @bob", null))
                .expectEvents(new PostEdited(POST, AUTHOR, "Hello #Moon @bob", List.of("travel", "moon"), List.of("bob")));
    }

    @Test
    void editingOnlyTheTagsKeepsTheCaption() {
        fixture.given(CREATED)
                .when(new EditPost(POST, Requester.user(AUTHOR), null, List.of("food")))
                .expectEvents(new PostEdited(POST, AUTHOR, "Hello #World", List.of("food", "world"), List.of()));
    }

    @Test
    void anEditThatChangesNothingEmitsNothing() {
        fixture.given(CREATED)
                .when(new EditPost(POST, Requester.user(AUTHOR), "Hello #World", List.of("travel")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyButTheAuthorEditsNotEvenAnAdmin() {
        fixture.given(CREATED)
                .when(new EditPost(POST, new Requester(OTHER, true), "Mine now", null))
                .expectNoEvents()
                .expectExceptionMessage("Only the author may edit a post");
    }

    @Test
    void theAuthorOrAnAdminDeletes() {
        fixture.given(CREATED)
                .when(new DeletePost(POST, new Requester(OTHER, true)))
                .expectEvents(new PostDeleted(POST, AUTHOR, OTHER));
        fixture.given(CREATED)
                .when(new DeletePost(POST, Requester.user(AUTHOR)))
                .expectEvents(new PostDeleted(POST, AUTHOR, AUTHOR));
    }

    @Test
    void anotherUserCannotDelete() {
        fixture.given(CREATED)
                .when(new DeletePost(POST, Requester.user(OTHER)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void deletingTwiceIsANoOpAndADeletedPostCannotBeEdited() {
        fixture.given(CREATED, new PostDeleted(POST, AUTHOR, AUTHOR))
                .when(new DeletePost(POST, Requester.user(AUTHOR)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(CREATED, new PostDeleted(POST, AUTHOR, AUTHOR))
                .when(new EditPost(POST, Requester.user(AUTHOR), "again", null))
                .expectNoEvents()
                .expectExceptionMessage("No such post");
    }

    @Test
    void anImageIsProcessedOnceAndLaterReportsAreIgnored() {
        fixture.given(CREATED)
                .when(new CompleteMediaProcessing(POST, PHOTO.mediaId(), 1080, 810))
                .expectEvents(new MediaProcessed(POST, AUTHOR, PHOTO.mediaId(), 1080, 810));
        fixture.given(CREATED, new MediaProcessed(POST, AUTHOR, PHOTO.mediaId(), 1080, 810))
                .when(new FailMediaProcessing(POST, PHOTO.mediaId(), "late"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedImageIsRecordedWithItsReason() {
        fixture.given(CREATED)
                .when(new FailMediaProcessing(POST, PHOTO.mediaId(), "corrupt image data"))
                .expectEvents(new MediaProcessingFailed(POST, PHOTO.mediaId(), "corrupt image data"));
    }

    @Test
    void reportsAboutADeletedPostAreIgnored() {
        fixture.given(CREATED, new PostDeleted(POST, AUTHOR, AUTHOR))
                .when(new CompleteMediaProcessing(POST, PHOTO.mediaId(), 1080, 810))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
