package io.glimpse.command.like;

import io.glimpse.command.CommandRejectedException;
import io.glimpse.command.facts.InMemoryCommandFacts;
import io.glimpse.command.like.LikeCommands.LikeComment;
import io.glimpse.command.like.LikeCommands.LikePost;
import io.glimpse.command.like.LikeCommands.UnlikeComment;
import io.glimpse.command.like.LikeCommands.UnlikePost;
import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.CommentUnliked;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class LikeTest {

    private static final UUID POST = UUID.randomUUID();
    private static final UUID AUTHOR = UUID.randomUUID();
    private static final UUID COMMENT = UUID.randomUUID();
    private static final UUID COMMENTER = UUID.randomUUID();
    private static final UUID FAN = UUID.randomUUID();

    private FixtureConfiguration<PostLike> posts;
    private FixtureConfiguration<CommentLike> comments;
    private InMemoryCommandFacts facts;

    @BeforeEach
    void setUp() {
        facts = new InMemoryCommandFacts().post(POST, AUTHOR).comment(COMMENT, POST, COMMENTER);
        posts = new AggregateTestFixture<>(PostLike.class);
        posts.registerInjectableResource(facts);
        comments = new AggregateTestFixture<>(CommentLike.class);
        comments.registerInjectableResource(facts);
    }

    @Test
    void aFirstLikeIsRecordedWithThePostsAuthor() {
        posts.givenNoPriorActivity()
                .when(new LikePost(POST, FAN))
                .expectEvents(new PostLiked(POST, AUTHOR, FAN));
    }

    @Test
    void likingTwiceAndUnlikingWhatIsNotLikedEmitNothing() {
        posts.given(new PostLiked(POST, AUTHOR, FAN))
                .when(new LikePost(POST, FAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        posts.givenNoPriorActivity()
                .when(new UnlikePost(POST, FAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unlikeAndLikeAgain() {
        posts.given(new PostLiked(POST, AUTHOR, FAN))
                .when(new UnlikePost(POST, FAN))
                .expectEvents(new PostUnliked(POST, AUTHOR, FAN));
        posts.given(new PostLiked(POST, AUTHOR, FAN), new PostUnliked(POST, AUTHOR, FAN))
                .when(new LikePost(POST, FAN))
                .expectEvents(new PostLiked(POST, AUTHOR, FAN));
    }

    @Test
    void noLikeOfAMissingPost() {
        posts.givenNoPriorActivity()
                .when(new LikePost(UUID.randomUUID(), FAN))
                .expectNoEvents()
                .expectExceptionMessage("No such post");
    }

    @Test
    void noLikeAcrossABlock() {
        facts.block(FAN, AUTHOR);
        posts.givenNoPriorActivity()
                .when(new LikePost(POST, FAN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void commentLikesWorkTheSameWay() {
        comments.givenNoPriorActivity()
                .when(new LikeComment(POST, COMMENT, FAN))
                .expectEvents(new CommentLiked(COMMENT, POST, COMMENTER, FAN));
        comments.given(new CommentLiked(COMMENT, POST, COMMENTER, FAN))
                .when(new UnlikeComment(POST, COMMENT, FAN))
                .expectEvents(new CommentUnliked(COMMENT, POST, COMMENTER, FAN));
        comments.given(new CommentLiked(COMMENT, POST, COMMENTER, FAN))
                .when(new LikeComment(POST, COMMENT, FAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCommentAddressedThroughAnotherPostIsNotFound() {
        comments.givenNoPriorActivity()
                .when(new LikeComment(UUID.randomUUID(), COMMENT, FAN))
                .expectNoEvents()
                .expectExceptionMessage("No such comment");
    }

    @Test
    void noCommentLikeAcrossABlockWithTheCommenter() {
        facts.block(COMMENTER, FAN);
        comments.givenNoPriorActivity()
                .when(new LikeComment(POST, COMMENT, FAN))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void noCommentLikeAcrossABlockWithThePostsAuthor() {
        UUID other = UUID.randomUUID();
        facts.block(other, AUTHOR);
        comments.givenNoPriorActivity()
                .when(new LikeComment(POST, COMMENT, other))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }
}
