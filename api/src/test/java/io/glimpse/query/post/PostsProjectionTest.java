package io.glimpse.query.post;

import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.events.comment.CommentEvent.CommentAdded;
import io.glimpse.events.comment.CommentEvent.CommentDeleted;
import io.glimpse.events.like.LikeEvent.CommentLiked;
import io.glimpse.events.like.LikeEvent.PostLiked;
import io.glimpse.events.like.LikeEvent.PostUnliked;
import io.glimpse.events.post.MediaAttachment;
import io.glimpse.events.post.PostEvent.MediaProcessed;
import io.glimpse.events.post.PostEvent.MediaProcessingFailed;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.comment.CommentViewRepository;
import io.glimpse.query.user.UserProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;

import static io.glimpse.api.support.Events.feed;
import static org.assertj.core.api.Assertions.assertThat;

/** The posts processor's projections (posts, comments, likes) given events, then their read models. */
@EmbeddedGlimpse
class PostsProjectionTest {

    private static final String COMMENTS = "commentProjection";
    private static final String LIKES = "likeProjection";

    @Autowired
    ApplicationContext context;
    @Autowired
    PostViewRepository posts;
    @Autowired
    CommentViewRepository comments;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcClient jdbc;

    private final UUID author = UUID.randomUUID();
    private final UUID fan = UUID.randomUUID();
    private final UUID postId = UUID.randomUUID();
    private final UUID mediaId = UUID.randomUUID();

    @BeforeEach
    void givenTwoAccountsAndAPost() {
        for (UUID id : List.of(author, fan)) {
            String name = "pp_" + id.toString().substring(0, 8);
            feed(context.getBean(UserProjection.class), new UserRegistered(id, name, name + "@example.com", "h", name));
        }
        feed(posts(), new PostCreated(postId, author, "Hello #world", List.of("world"), List.of(),
                List.of(new MediaAttachment(mediaId, "image/png", 800, 600))));
    }

    @Test
    void aNewPostIsVisibleWithItsTagsAndProcessingMedia() {
        PostView post = post(null);
        assertThat(post.tags()).containsExactly("world");
        assertThat(post.media()).singleElement().satisfies(media -> {
            assertThat(media.status()).isEqualTo(MediaView.Status.PROCESSING);
            assertThat(media.url()).isNull();
            assertThat(media.width()).isEqualTo(800);
        });
    }

    @Test
    void processedMediaGetTheirUrlsAndFailedMediaStayWithoutThem() {
        feed(posts(), new MediaProcessed(postId, author, mediaId, 1080, 810));
        assertThat(post(null).media().get(0)).satisfies(media -> {
            assertThat(media.status()).isEqualTo(MediaView.Status.READY);
            assertThat(media.url()).endsWith("/" + mediaId + "/feed.jpg");
            assertThat(media.thumbnailUrl()).endsWith("/" + mediaId + "/thumbnail.jpg");
            assertThat(media.width()).isEqualTo(1080);
        });
        UUID other = UUID.randomUUID();
        UUID otherMedia = UUID.randomUUID();
        feed(posts(), new PostCreated(other, author, "", List.of(), List.of(),
                        List.of(new MediaAttachment(otherMedia, "image/gif", 5, 5))),
                new MediaProcessingFailed(other, otherMedia, "corrupt"));
        assertThat(this.posts.find(other, null).orElseThrow().media().get(0).status())
                .isEqualTo(MediaView.Status.FAILED);
    }

    @Test
    void anEditReplacesCaptionAndTagsAndStampsTheEdit() {
        feed(posts(), new PostEdited(postId, author, "Bye #moon", List.of("moon"), List.of()));
        PostView post = post(null);
        assertThat(post.caption()).isEqualTo("Bye #moon");
        assertThat(post.tags()).containsExactly("moon");
        assertThat(post.editedAt()).isNotNull();
    }

    @Test
    void likesAndCommentsAreCountedAndUndone() {
        UUID commentId = UUID.randomUUID();
        feed(bean(LIKES), new PostLiked(postId, author, fan));
        feed(bean(COMMENTS), new CommentAdded(commentId, postId, author, fan, "Nice", List.of()));
        feed(bean(LIKES), new CommentLiked(commentId, postId, fan, author));

        assertThat(post(fan)).satisfies(post -> {
            assertThat(post.likesCount()).isEqualTo(1);
            assertThat(post.commentsCount()).isEqualTo(1);
            assertThat(post.likedByMe()).isTrue();
        });
        assertThat(comments.find(postId, commentId, author).orElseThrow().likedByMe()).isTrue();

        feed(bean(LIKES), new PostUnliked(postId, author, fan));
        feed(bean(COMMENTS), new CommentDeleted(commentId, postId, fan, fan));
        assertThat(post(fan)).satisfies(post -> {
            assertThat(post.likesCount()).isZero();
            assertThat(post.commentsCount()).isZero();
            assertThat(post.likedByMe()).isFalse();
        });
    }

    @Test
    void aDeletedPostTakesItsCommentsWithIt() {
        UUID commentId = UUID.randomUUID();
        feed(bean(COMMENTS), new CommentAdded(commentId, postId, author, fan, "Nice", List.of()));
        feed(posts(), new PostDeleted(postId, author, author));

        assertThat(posts.find(postId, null)).isEmpty();
        assertThat(comments.find(postId, commentId, null)).isEmpty();
    }

    @Test
    void aDeletedAccountTakesItsPostsAndItsCommentsAndLikesElsewhere() {
        UUID fansPost = UUID.randomUUID();
        feed(posts(), new PostCreated(fansPost, fan, "Mine", List.of(), List.of(), List.of()));
        feed(bean(LIKES), new PostLiked(fansPost, fan, author));
        feed(bean(COMMENTS), new CommentAdded(UUID.randomUUID(), fansPost, fan, author, "Hi", List.of()));

        UserDeleted gone = new UserDeleted(author, author);
        for (Object projection : List.of(posts(), bean(COMMENTS), bean(LIKES))) {
            feed(projection, gone);
        }

        assertThat(posts.find(postId, null)).isEmpty();
        assertThat(posts.find(fansPost, null).orElseThrow()).satisfies(post -> {
            assertThat(post.likesCount()).isZero();
            assertThat(post.commentsCount()).isZero();
        });
    }

    /**
     * As a replay batch delivers them: the writes of many events go together when the batch
     * commits, grouped by statement, and must come out as if written one by one.
     */
    @Test
    void oneBatchOfPostsLikesCommentsAndADeletionEndsAsIfWrittenOneByOne() {
        UUID doomed = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID lateComment = UUID.randomUUID();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        feed(posts(), new PostCreated(doomed, author, "Soon gone #a", List.of("a"), List.of(), List.of()));
        feed(bean(LIKES), new PostLiked(doomed, author, fan));
        feed(bean(COMMENTS), new CommentAdded(UUID.randomUUID(), doomed, author, fan, "First", List.of()));
        feed(posts(), new PostCreated(kept, author, "Stays #b", List.of("b", "c"), List.of(), List.of()));
        feed(bean(LIKES), new PostLiked(kept, author, fan), new PostLiked(postId, author, fan));
        feed(posts(), new PostDeleted(doomed, author, author));
        feed(bean(LIKES), new PostLiked(doomed, author, author), new PostLiked(kept, author, author));
        feed(bean(COMMENTS), new CommentAdded(lateComment, doomed, author, fan, "Too late", List.of()),
                new CommentAdded(UUID.randomUUID(), kept, author, fan, "Hi", List.of()));
        feed(posts(), new PostEdited(kept, author, "Stays #d", List.of("d"), List.of()));
        assertThat(posts.find(kept, null)).as("nothing written before the batch commits").isEmpty();
        batch.commit();

        assertThat(posts.find(doomed, null)).isEmpty();
        assertThat(comments.find(doomed, lateComment, null)).as("a comment on a deleted post is dropped").isEmpty();
        assertThat(jdbc.sql("select count(*) from post_like where post_id = ?").param(doomed).query(Long.class).single())
                .as("a like after the deletion is not kept").isZero();
        assertThat(posts.find(kept, fan).orElseThrow()).satisfies(post -> {
            assertThat(post.likesCount()).isEqualTo(2);
            assertThat(post.commentsCount()).isEqualTo(1);
            assertThat(post.tags()).containsExactly("d");
            assertThat(post.likedByMe()).isTrue();
        });
        assertThat(post(fan).likesCount()).isEqualTo(1);
    }

    /** Like, unlike, like: one like, counted once; unlike then like of an earlier like: still one. */
    @Test
    void inOneBatchLikesTurnedOnAndOffCountWhatTheyEndAt() {
        UUID other = UUID.randomUUID();
        feed(posts(), new PostCreated(other, author, "Other", List.of(), List.of(), List.of()));
        feed(bean(LIKES), new PostLiked(other, author, fan));
        inOneBatch(() -> {
            feed(bean(LIKES), new PostLiked(postId, author, fan), new PostUnliked(postId, author, fan),
                    new PostLiked(postId, author, fan));
            feed(bean(LIKES), new PostUnliked(other, author, fan), new PostLiked(other, author, fan));
        });

        assertThat(post(fan)).satisfies(post -> {
            assertThat(post.likesCount()).isEqualTo(1);
            assertThat(post.likedByMe()).isTrue();
        });
        assertThat(posts.find(other, fan).orElseThrow()).satisfies(post -> {
            assertThat(post.likesCount()).isEqualTo(1);
            assertThat(post.likedByMe()).isTrue();
        });
        assertThat(likeRows(postId)).isEqualTo(1);
    }

    /** Created, tagged, liked, commented and deleted within one batch: nothing of it is left, no counter moved. */
    @Test
    void aPostCreatedAndDeletedInOneBatchLeavesNothing() {
        UUID brief = UUID.randomUUID();
        UUID commentId = UUID.randomUUID();
        inOneBatch(() -> {
            feed(posts(), new PostCreated(brief, author, "Brief #x", List.of("x"), List.of(),
                    List.of(new MediaAttachment(UUID.randomUUID(), "image/png", 10, 10))));
            feed(bean(LIKES), new PostLiked(brief, author, fan));
            feed(bean(COMMENTS), new CommentAdded(commentId, brief, author, fan, "Hi", List.of()));
            feed(bean(LIKES), new CommentLiked(commentId, brief, fan, author));
            feed(posts(), new PostEdited(brief, author, "Brief #y", List.of("y"), List.of()));
            feed(posts(), new PostDeleted(brief, author, author));
        });

        assertThat(posts.find(brief, null)).isEmpty();
        for (String table : List.of("post_tag", "post_media", "post_like", "comment_view")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where post_id = ?").param(brief).query(Long.class)
                    .single()).as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from comment_like where comment_id = ?").param(commentId)
                .query(Long.class).single()).isZero();
    }

    /** A comment added and deleted in one batch, next to one that stays: the count is the one that stays. */
    @Test
    void aCommentAddedAndDeletedInOneBatchIsNotCounted() {
        UUID gone = UUID.randomUUID();
        UUID stays = UUID.randomUUID();
        inOneBatch(() -> {
            feed(bean(COMMENTS), new CommentAdded(gone, postId, author, fan, "Oops", List.of()),
                    new CommentAdded(stays, postId, author, fan, "Fine", List.of()));
            feed(bean(LIKES), new CommentLiked(gone, postId, fan, author));
            feed(bean(COMMENTS), new CommentDeleted(gone, postId, fan, fan));
            feed(bean(LIKES), new CommentLiked(stays, postId, fan, author));
        });

        assertThat(post(null).commentsCount()).isEqualTo(1);
        assertThat(comments.find(postId, gone, null)).isEmpty();
        assertThat(comments.find(postId, stays, author).orElseThrow()).satisfies(comment -> {
            assertThat(comment.likesCount()).isEqualTo(1);
            assertThat(comment.likedByMe()).isTrue();
        });
    }

    /** Two edits in one batch: the last one's caption and tags, and nothing of the first's. */
    @Test
    void twoEditsInOneBatchLeaveTheLast() {
        inOneBatch(() -> feed(posts(), new PostEdited(postId, author, "One #one", List.of("one", "uno"), List.of()),
                new PostEdited(postId, author, "Two #two", List.of("two"), List.of())));

        assertThat(post(null)).satisfies(post -> {
            assertThat(post.caption()).isEqualTo("Two #two");
            assertThat(post.tags()).containsExactly("two");
        });
    }

    /**
     * An account deleted in the batch it posted, liked and commented in: its posts, likes and
     * comments go, those before the batch and those in it, and the counters of others' posts with them.
     */
    @Test
    void anAccountDeletedInTheBatchItWroteInTakesAllOfItWithIt() {
        UUID fansPost = UUID.randomUUID();
        UUID authorsLatest = UUID.randomUUID();
        feed(posts(), new PostCreated(fansPost, fan, "Mine", List.of(), List.of(), List.of()));
        feed(bean(LIKES), new PostLiked(fansPost, fan, author));
        inOneBatch(() -> {
            feed(posts(), new PostCreated(authorsLatest, author, "Last words #bye", List.of("bye"), List.of(),
                    List.of()));
            feed(bean(LIKES), new PostLiked(authorsLatest, author, fan));
            feed(bean(COMMENTS), new CommentAdded(UUID.randomUUID(), fansPost, fan, author, "Hi", List.of()));
            feed(posts(), new PostEdited(postId, author, "Edited #late", List.of("late"), List.of()));
            UserDeleted gone = new UserDeleted(author, author);
            for (Object projection : List.of(posts(), bean(COMMENTS), bean(LIKES))) {
                feed(projection, gone);
            }
        });

        assertThat(posts.find(postId, null)).isEmpty();
        assertThat(posts.find(authorsLatest, null)).isEmpty();
        assertThat(jdbc.sql("select count(*) from post_tag where post_id in (?, ?)").params(postId, authorsLatest)
                .query(Long.class).single()).as("no tags of an edit after the account went").isZero();
        assertThat(posts.find(fansPost, null).orElseThrow()).satisfies(post -> {
            assertThat(post.likesCount()).isZero();
            assertThat(post.commentsCount()).isZero();
        });
    }

    private void inOneBatch(Runnable events) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        events.run();
        batch.commit();
    }

    private long likeRows(UUID post) {
        return jdbc.sql("select count(*) from post_like where post_id = ?").param(post).query(Long.class).single();
    }

    private PostView post(UUID viewer) {
        return posts.find(postId, viewer).orElseThrow();
    }

    private Object posts() {
        return context.getBean(PostProjection.class);
    }

    private Object bean(String name) {
        return context.getBean(name);
    }
}
