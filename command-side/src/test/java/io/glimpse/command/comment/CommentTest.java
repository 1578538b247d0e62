package io.glimpse.command.comment;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.Requester;
import io.glimpse.command.comment.CommentCommands.AddComment;
import io.glimpse.command.comment.CommentCommands.DeleteComment;
import io.glimpse.command.comment.CommentCommands.EditComment;
import io.glimpse.command.facts.InMemoryCommandFacts;
import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.comment.CommentEvent.CommentEdited;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

class CommentTest {

    private static final UUID COMMENT = UUID.randomUUID();
    private static final UUID POST = UUID.randomUUID();
    private static final UUID POST_AUTHOR = UUID.randomUUID();
    private static final UUID COMMENTER = UUID.randomUUID();
    private static final UUID STRANGER = UUID.randomUUID();
    private static final CommentAdded ADDED =
            new CommentAdded(COMMENT, POST, POST_AUTHOR, COMMENTER, "Nice!", List.of());

    private FixtureConfiguration<Comment> fixture;
    private InMemoryCommandFacts facts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Comment.class);
        facts = new InMemoryCommandFacts().post(POST, POST_AUTHOR);
        fixture.registerInjectableResource(facts);
    }

    @Test
    void aCommentOnALivePostRecordsItsMentions() {
        fixture.givenNoPriorActivity()
                .when(new AddComment(COMMENT, POST, COMMENTER, "  Great shot @Ann!  "))
                .expectEvents(new CommentAdded(COMMENT, POST, POST_AUTHOR, COMMENTER, "Great shot @Ann!", List.of("ann")));
    }

    @Test
    void aCommentOnAMissingPostIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new AddComment(COMMENT, UUID.randomUUID(), COMMENTER, "Hello?"))
                .expectNoEvents()
                .expectExceptionMessage("No such post");
    }

    @Test
    void noCommentAcrossABlockInEitherDirection() {
        facts.block(POST_AUTHOR, COMMENTER);
        fixture.givenNoPriorActivity()
                .when(new AddComment(COMMENT, POST, COMMENTER, "Let me in"))
                .expectNoEvents()
                .expectExceptionMessage("You cannot comment on this post");
    }

    @Test
    void theTextHas1To1000Characters() {
        fixture.givenNoPriorActivity()
                .when(new AddComment(COMMENT, POST, COMMENTER, "   "))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        fixture.givenNoPriorActivity()
                .when(new AddComment(COMMENT, POST, COMMENTER, "x".repeat(1001)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void onlyTheCommentsAuthorEdits() {
        fixture.given(ADDED)
                .when(new EditComment(COMMENT, POST, Requester.user(COMMENTER), "Very nice! @bob"))
                .expectEvents(new CommentEdited(COMMENT, POST, COMMENTER, "Very nice! @bob", List.of("bob")));
        fixture.given(ADDED)
                .when(new EditComment(COMMENT, POST, Requester.user(POST_AUTHOR), "Rewritten"))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aCommentAddressedThroughAnotherPostIsNotFound() {
        fixture.given(ADDED)
                .when(new DeleteComment(COMMENT, UUID.randomUUID(), Requester.user(COMMENTER)))
                .expectNoEvents()
                .expectExceptionMessage("No such comment");
    }

    @Test
    void theCommentsAuthorThePostsAuthorOrAnAdminDelete() {
        for (Requester allowed : List.of(Requester.user(COMMENTER), Requester.user(POST_AUTHOR),
                new Requester(STRANGER, true))) {
            fixture.given(ADDED)
                    .when(new DeleteComment(COMMENT, POST, allowed))
                    .expectEvents(new CommentDeleted(COMMENT, POST, COMMENTER, allowed.userId()));
        }
    }

    @Test
    void nobodyElseDeletesAndDeletingTwiceIsANoOp() {
        fixture.given(ADDED)
                .when(new DeleteComment(COMMENT, POST, Requester.user(STRANGER)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        fixture.given(ADDED, new CommentDeleted(COMMENT, POST, COMMENTER, COMMENTER))
                .when(new DeleteComment(COMMENT, POST, Requester.user(COMMENTER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
