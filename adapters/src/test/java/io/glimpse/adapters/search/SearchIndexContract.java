package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange.EditPost;
import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange.PutUser;
import io.glimpse.query.search.IndexChange.RemovePost;
import io.glimpse.query.search.IndexChange.RemoveUser;
import io.glimpse.query.search.IndexChange.RenameUser;
import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex.PostHits;
import io.glimpse.query.search.SearchIndex.PostSearch;
import io.glimpse.query.search.SearchIndex.TagCount;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What every search index does, whichever engine holds it: the same matches, the same order,
 * the same totals and suggestions, and the same generations.
 */
abstract class SearchIndexContract {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00.000001Z");

    final UUID ann = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final UUID cat = UUID.randomUUID();
    SearchIndex index;

    /** A new, empty index of this adapter, with no generation yet. */
    abstract SearchIndex newIndex();

    /** Deletes everything the index has, behind its back (a wiped cluster or directory). */
    abstract void loseEverything();

    /** Lets go of an index before another instance opens the same storage (a restart). */
    void release(SearchIndex index) {
    }

    @BeforeEach
    void setUp() {
        index = newIndex();
        index.initialize();
        index.apply(List.of(new PutUser(ann, "ann", "Ann Lee"), new PutUser(bob, "bob", "Bobby Tables"),
                new PutUser(cat, "cat_stevens", "Cat")));
    }

    PutPost post(UUID author, String caption, int secondsAfterT0, String... tags) {
        PutPost post = new PutPost(UUID.randomUUID(), author, caption, List.of(tags), T0.plusSeconds(secondsAfterT0));
        index.apply(List.of(post));
        return post;
    }

    List<UUID> search(String query) {
        return search(query, Set.of()).postIds();
    }

    PostHits search(String query, Set<UUID> hidden) {
        return index.searchPosts(new PostSearch(SearchTerms.parse(query), hidden, 0, 100));
    }

    @Test
    void aPostIsFoundByACaptionWordATagOrItsAuthorsUsername() {
        PutPost post = post(ann, "Golden hour at the Beach!", 1, "sunset");
        post(bob, "Something else entirely", 2);

        assertThat(search("beach")).containsExactly(post.postId());
        assertThat(search("BEACH")).as("any case").containsExactly(post.postId());
        assertThat(search("sunset")).containsExactly(post.postId());
        assertThat(search("#sunset")).containsExactly(post.postId());
        assertThat(search("ann")).containsExactly(post.postId());
        assertThat(search("@ann")).containsExactly(post.postId());
        assertThat(search("beac")).as("whole words only").isEmpty();
    }

    @Test
    void everyTermMustMatchSomewhere() {
        PutPost both = post(ann, "beach walk", 1, "sunset");
        post(ann, "beach only", 2);
        post(bob, "sunset only", 3);

        assertThat(search("beach sunset")).containsExactly(both.postId());
        assertThat(search("ann sunset")).containsExactly(both.postId());
        assertThat(search("beach nowhere")).isEmpty();
    }

    @Test
    void aHashOrAtLimitsATermToTagsOrAuthors() {
        PutPost tagged = post(bob, "nothing here", 1, "ann");
        PutPost mentioned = post(bob, "ann wrote this word", 2);
        PutPost byAnn = post(ann, "mine", 3);

        assertThat(search("#ann")).containsExactly(tagged.postId());
        assertThat(search("@ann")).containsExactly(byAnn.postId());
        assertThat(search("ann")).containsExactlyInAnyOrder(tagged.postId(), mentioned.postId(), byAnn.postId());
        assertThat(search("@nobody")).as("an unknown author matches nothing").isEmpty();
        assertThat(search("#")).isEmpty();
    }

    @Test
    void aTagOutranksTheAuthorWhoOutranksACaptionWordAndNewerComesFirstAmongEquals() {
        PutPost inCaption = post(bob, "my beach", 1);
        PutPost inCaptionNewer = post(bob, "our beach", 2);
        PutPost tagged = post(bob, "a day out", 3, "beach");
        PutPost tagAndCaption = post(bob, "beach beach", 0, "beach");

        assertThat(search("beach")).containsExactly(tagAndCaption.postId(), tagged.postId(),
                inCaptionNewer.postId(), inCaption.postId());
    }

    @Test
    void theAuthorsUsernameWeighsBetweenATagAndACaptionWord() {
        UUID surfer = UUID.randomUUID();
        index.apply(List.of(new PutUser(surfer, "surf", "Surfer")));
        PutPost byName = post(surfer, "waves", 1);
        PutPost tagged = post(bob, "waves", 0, "surf");
        PutPost worded = post(bob, "surf waves", 2);

        assertThat(search("surf")).containsExactly(tagged.postId(), byName.postId(), worded.postId());
    }

    @Test
    void equalScoresAndEqualTimesAreOrderedByTheirPostIds() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post(ann, "same words", 7).postId());
        }
        ids.sort((a, b) -> Long.compare(SearchIndex.tiebreak(b), SearchIndex.tiebreak(a)));
        assertThat(search("same")).containsExactlyElementsOf(ids);
    }

    /** Ids as one node hands them out within one millisecond (UUID version 7): one high half, a low half counting up. */
    @Test
    void postsGivenIdsInOneMillisecondComeLaterFirstWhateverOrderTheyWereIndexedIn() {
        long millisecond = 0x01a250fe_0ad2_756eL;
        long counter = 0xaa25_49f6_7fb8_0000L;
        List<UUID> laterFirst = new ArrayList<>();
        for (int step : new int[] {2, 0, 3, 1}) {
            UUID id = new UUID(millisecond, counter + step);
            index.apply(List.of(new PutPost(id, ann, "same words", List.of(), T0)));
        }
        for (int step = 3; step >= 0; step--) {
            laterFirst.add(new UUID(millisecond, counter + step));
        }
        assertThat(search("same")).containsExactlyElementsOf(laterFirst);
    }

    @Test
    void pagesComeFromAnOffsetWithTheTotal() {
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, post(ann, "page " + i, i).postId());
        }
        SearchTerms terms = SearchTerms.parse("page");
        PostHits first = index.searchPosts(new PostSearch(terms, Set.of(), 0, 3));
        PostHits second = index.searchPosts(new PostSearch(terms, Set.of(), 3, 3));
        PostHits last = index.searchPosts(new PostSearch(terms, Set.of(), 6, 3));
        PostHits beyond = index.searchPosts(new PostSearch(terms, Set.of(), 9, 3));

        assertThat(first.postIds()).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(second.postIds()).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(last.postIds()).containsExactlyElementsOf(newestFirst.subList(6, 7));
        assertThat(beyond.postIds()).isEmpty();
        assertThat(List.of(first.total(), second.total(), last.total(), beyond.total())).containsOnly(7L);
    }

    @Test
    void anEditChangesWhatFindsThePostAndADeleteRemovesIt() {
        PutPost post = post(ann, "old words", 1, "oldtag");
        index.apply(List.of(new EditPost(post.postId(), "new words", List.of("newtag"))));

        assertThat(search("old")).isEmpty();
        assertThat(search("#oldtag")).isEmpty();
        assertThat(search("new")).containsExactly(post.postId());
        assertThat(search("#newtag")).containsExactly(post.postId());
        assertThat(search("ann")).as("still by its author").containsExactly(post.postId());

        index.apply(List.of(new RemovePost(post.postId())));
        assertThat(search("new")).isEmpty();
    }

    @Test
    void changesOfOneBatchTakeEffectInOrder() {
        UUID postId = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        index.apply(List.of(
                new PutPost(postId, ann, "first", List.of(), T0),
                new EditPost(postId, "second", List.of("edited")),
                new PutPost(gone, ann, "second too", List.of(), T0),
                new RemovePost(gone),
                new EditPost(UUID.randomUUID(), "an edit of a post that is not there", List.of()),
                new RemovePost(UUID.randomUUID())));

        assertThat(search("first")).isEmpty();
        assertThat(search("second")).containsExactly(postId);
        assertThat(search("#edited")).containsExactly(postId);
    }

    @Test
    void writingTheSamePostAgainChangesNothing() {
        PutPost post = post(ann, "again", 1);
        index.apply(List.of(post, post));
        assertThat(search("again", Set.of()).total()).isEqualTo(1);
    }

    @Test
    void aDeletedAccountTakesItsPostsAndItselfOut() {
        post(bob, "bob's beach", 1, "beach");
        post(bob, "more of bob", 2);
        PutPost kept = post(ann, "ann's beach", 3, "beach");

        index.apply(List.of(new RemoveUser(bob)));

        assertThat(search("beach")).containsExactly(kept.postId());
        assertThat(search("bob")).isEmpty();
        assertThat(index.suggestUsers("bob", Set.of(), 10)).isEmpty();
        assertThat(index.suggestTags("bea", Set.of(), 10)).containsExactly(new TagCount("beach", 1));
    }

    @Test
    void anAccountDeletedInTheBatchThatWroteItsPostsLosesThemToo() {
        UUID dan = UUID.randomUUID();
        index.apply(List.of(new PutUser(dan, "dan", "Dan"),
                new PutPost(UUID.randomUUID(), dan, "dan's post", List.of(), T0),
                new RemoveUser(dan),
                new PutPost(UUID.randomUUID(), ann, "ann's post", List.of(), T0)));

        assertThat(search("dan's")).isEmpty();
        assertThat(search("post")).hasSize(1);
    }

    @Test
    void postsOfHiddenAuthorsAreLeftOutOfResultsTotalsAndTagCounts() {
        PutPost visible = post(ann, "beach", 1, "beach");
        post(bob, "beach", 2, "beach");

        PostHits hits = search("beach", Set.of(bob));
        assertThat(hits.postIds()).containsExactly(visible.postId());
        assertThat(hits.total()).isEqualTo(1);
        assertThat(index.suggestTags("beach", Set.of(bob), 10)).containsExactly(new TagCount("beach", 1));
        assertThat(index.suggestTags("beach", Set.of(ann, bob), 10)).isEmpty();
    }

    @Test
    void tagsAreSuggestedByPrefixMostUsedFirstWithTheirPostCounts() {
        post(ann, "a", 1, "sunset", "sun");
        post(ann, "b", 2, "sunset", "summer");
        post(bob, "c", 3, "sunset", "summer");
        post(bob, "d", 4, "sunday");
        post(bob, "e", 5, "moon");

        assertThat(index.suggestTags("su", Set.of(), 10)).containsExactly(new TagCount("sunset", 3),
                new TagCount("summer", 2), new TagCount("sun", 1), new TagCount("sunday", 1));
        assertThat(index.suggestTags("sun", Set.of(), 2)).containsExactly(new TagCount("sunset", 3),
                new TagCount("sun", 1));
        assertThat(index.suggestTags("x", Set.of(), 10)).isEmpty();
    }

    @Test
    void tagCountsFollowEditsAndDeletes() {
        PutPost first = post(ann, "a", 1, "sunset");
        post(ann, "b", 2, "sunset");
        index.apply(List.of(new EditPost(first.postId(), "a", List.of("sunrise"))));
        assertThat(index.suggestTags("sun", Set.of(), 10)).containsExactly(new TagCount("sunrise", 1),
                new TagCount("sunset", 1));
        index.apply(List.of(new RemovePost(first.postId())));
        assertThat(index.suggestTags("sun", Set.of(), 10)).containsExactly(new TagCount("sunset", 1));
    }

    @Test
    void usersAreSuggestedExactUsernameFirstThenUsernamesThenDisplayNames() {
        UUID bobcat = UUID.randomUUID();
        UUID bobby = UUID.randomUUID();
        UUID robert = UUID.randomUUID();
        index.apply(List.of(new PutUser(bobcat, "bobcat", "Wild"), new PutUser(bobby, "bobby", "B"),
                new PutUser(robert, "robert", "Bob Smith")));

        assertThat(index.suggestUsers("bob", Set.of(), 10)).containsExactly(bob, bobby, bobcat, robert);
        assertThat(index.suggestUsers("bob", Set.of(), 2)).containsExactly(bob, bobby);
        assertThat(index.suggestUsers("smi", Set.of(), 10)).containsExactly(robert);
        assertThat(index.suggestUsers("bob", Set.of(bob, robert), 10)).containsExactly(bobby, bobcat);
    }

    @Test
    void aNewDisplayNameIsFollowed() {
        index.apply(List.of(new RenameUser(ann, "Annabel Smith")));
        assertThat(index.suggestUsers("smi", Set.of(), 10)).containsExactly(ann);
        assertThat(index.suggestUsers("lee", Set.of(), 10)).isEmpty();
        assertThat(index.suggestUsers("ann", Set.of(), 10)).as("the username stays").containsExactly(ann);
    }

    @Test
    void aRebuildWritesANewGenerationWhileTheLiveOneAnswersThenSwapsItIn() {
        PutPost old = post(ann, "before the rebuild", 1);
        index.beginRebuild();
        assertThat(index.isRebuilding()).isTrue();
        assertThat(index.isIntact()).isTrue();

        PutPost replayed = new PutPost(UUID.randomUUID(), ann, "rebuilt content", List.of(), T0);
        index.apply(List.of(new PutUser(ann, "ann", "Ann Lee"), replayed));
        assertThat(search("before")).as("the live generation still answers").containsExactly(old.postId());
        assertThat(search("rebuilt")).as("the new generation is not live yet").isEmpty();

        index.completeRebuild();
        assertThat(index.isRebuilding()).isFalse();
        assertThat(search("rebuilt")).containsExactly(replayed.postId());
        assertThat(search("before")).as("only what was written again").isEmpty();

        index.dropRetiredGenerations();
        assertThat(search("rebuilt")).containsExactly(replayed.postId());
        index.apply(List.of(new PutPost(UUID.randomUUID(), ann, "after the swap", List.of(), T0)));
        assertThat(search("after")).hasSize(1);
    }

    @Test
    void beginningARebuildAgainStartsOver() {
        index.beginRebuild();
        index.apply(List.of(new PutPost(UUID.randomUUID(), ann, "abandoned", List.of(), T0)));
        index.beginRebuild();
        index.apply(List.of(new PutPost(UUID.randomUUID(), ann, "kept", List.of(), T0)));
        index.completeRebuild();
        index.dropRetiredGenerations();

        assertThat(search("abandoned")).isEmpty();
        assertThat(search("kept")).hasSize(1);
    }

    @Test
    void aLostIndexIsNoticedAnswersEmptyAndARebuildServesAsItFills() {
        post(ann, "lost soon", 1);
        loseEverything();

        assertThat(index.isIntact()).isFalse();
        assertThatCode(() -> {
            search("lost");
            index.suggestTags("lo", Set.of(), 10);
            index.suggestUsers("ann", Set.of(), 10);
        }).as("reads answer (what they still can) without an error").doesNotThrowAnyException();

        index.beginRebuild();
        assertThat(index.isIntact()).isTrue();
        index.apply(List.of(new PutUser(ann, "ann", "Ann"), new PutPost(UUID.randomUUID(), ann, "lost soon", List.of(), T0)));
        assertThat(search("lost")).as("served while it fills").hasSize(1);
        index.completeRebuild();
        assertThat(index.isRebuilding()).isFalse();
        assertThat(index.isIntact()).isTrue();
        assertThat(search("ann")).hasSize(1);
    }

    @Test
    void aFreshIndexIsNotIntactUntilInitialized() {
        loseEverything();
        release(index);
        SearchIndex fresh = newIndex();
        assertThat(fresh.isIntact()).isFalse();
        fresh.initialize();
        assertThat(fresh.isIntact()).isTrue();
        assertThat(fresh.searchPosts(new PostSearch(SearchTerms.parse("anything"), Set.of(), 0, 10)).total()).isZero();
    }

    @Test
    void wordsOfAnyScriptAndTagsWithUnderscoresAreFound() {
        PutPost post = post(ann, "Café au lait in Zürich, 東京 next", 1, "sun_set", "straße");
        assertThat(search("café")).containsExactly(post.postId());
        assertThat(search("zürich")).containsExactly(post.postId());
        assertThat(search("sun_set")).containsExactly(post.postId());
        assertThat(search("#straße")).containsExactly(post.postId());
        assertThat(index.suggestTags("str", Set.of(), 10)).containsExactly(new TagCount("straße", 1));
    }
}
