package io.glimpse.query.search;

import io.glimpse.adapters.search.LuceneSearchIndex;
import io.glimpse.events.post.PostEvent.PostCreated;
import io.glimpse.events.post.PostEvent.PostDeleted;
import io.glimpse.events.post.PostEvent.PostEdited;
import io.glimpse.events.user.UserEvent.UserDeleted;
import io.glimpse.events.user.UserEvent.UserProfileUpdated;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.query.search.SearchIndex.PostSearch;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.glimpse.api.support.Events.feed;
import static org.assertj.core.api.Assertions.assertThat;

/** The search projection given events, then the index it keeps (the embedded engine). */
class SearchProjectionTest {

    @TempDir
    Path dataDir;
    private LuceneSearchIndex index;
    private SearchProjection projection;
    private final UUID ann = UUID.randomUUID();
    private final UUID postId = UUID.randomUUID();

    @BeforeEach
    void givenAnAccountWithAPost() {
        index = new LuceneSearchIndex(dataDir.resolve("search"), Duration.ZERO);
        index.initialize();
        projection = new SearchProjection(index);
        feed(projection, new UserRegistered(ann, "ann", "ann@example.com", "hash", "Ann Lee"),
                new PostCreated(postId, ann, "Sunset at the #beach", List.of("beach"), List.of(), List.of()));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<UUID> search(String query) {
        return index.searchPosts(new PostSearch(SearchTerms.parse(query), Set.of(), 0, 10)).postIds();
    }

    @Test
    void aNewPostIsFoundByCaptionTagAndAuthor() {
        assertThat(search("sunset")).containsExactly(postId);
        assertThat(search("#beach")).containsExactly(postId);
        assertThat(search("ann")).containsExactly(postId);
        assertThat(index.suggestUsers("an", Set.of(), 10)).containsExactly(ann);
    }

    @Test
    void anEditReplacesCaptionAndTagsAndADeleteRemovesThePost() {
        feed(projection, new PostEdited(postId, ann, "Sunrise in the #mountains", List.of("mountains"), List.of()));
        assertThat(search("sunset")).isEmpty();
        assertThat(search("#beach")).isEmpty();
        assertThat(search("#mountains")).containsExactly(postId);

        feed(projection, new PostDeleted(postId, ann, ann));
        assertThat(search("sunrise")).isEmpty();
    }

    @Test
    void aNewDisplayNameIsSuggestedAndADeletedAccountTakesItsPostsAlong() {
        feed(projection, new UserProfileUpdated(ann, "Annabel Smith", "bio"));
        assertThat(index.suggestUsers("smith", Set.of(), 10)).containsExactly(ann);

        feed(projection, new UserDeleted(ann, ann));
        assertThat(search("sunset")).isEmpty();
        assertThat(index.suggestUsers("ann", Set.of(), 10)).isEmpty();
    }

    @Test
    void aBatchIsWrittenWhenItCommitsNotBefore() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        feed(projection, new PostCreated(UUID.randomUUID(), ann, "batched words", List.of(), List.of(), List.of()));
        assertThat(search("batched")).isEmpty();
        batch.commit();
        assertThat(search("batched")).hasSize(1);
    }

    /**
     * A reset starts a new generation; replayed events fill it while the live one answers; the
     * first event after the replay swaps it in before it is written.
     */
    @Test
    void aReplayFillsANewGenerationThatTheFirstLaterEventSwapsIn() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.prepareReset();
        assertThat(index.isRebuilding()).isTrue();

        UUID replayedPost = UUID.randomUUID();
        var resetAt = new GlobalSequenceTrackingToken(10);
        var replay = ReplayToken.createReplayToken(resetAt, new GlobalSequenceTrackingToken(1));
        for (Object payload : List.of(new UserRegistered(ann, "ann", "ann@example.com", "hash", "Ann Lee"),
                new PostCreated(replayedPost, ann, "replayed words", List.of(), List.of(), List.of()))) {
            adapter.handle(new GenericTrackedEventMessage<>(replay, GenericEventMessage.asEventMessage(payload)));
        }
        assertThat(index.isRebuilding()).isTrue();
        assertThat(search("sunset")).as("the live generation answers").containsExactly(postId);
        assertThat(search("replayed")).isEmpty();

        UUID newPost = UUID.randomUUID();
        adapter.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(11),
                GenericEventMessage.asEventMessage(new PostCreated(newPost, ann, "new words", List.of(), List.of(),
                        List.of()))));

        assertThat(index.isRebuilding()).isFalse();
        assertThat(search("replayed")).containsExactly(replayedPost);
        assertThat(search("new")).containsExactly(newPost);
        assertThat(search("sunset")).as("not replayed, so not in the new generation").isEmpty();
    }
}
