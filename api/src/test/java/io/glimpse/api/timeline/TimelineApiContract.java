package io.glimpse.api.timeline;

import io.glimpse.api.support.ApiTest;
import io.glimpse.query.timeline.TimelineStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The home timeline end to end (API.md: GET /api/timeline), whichever store holds it. */
@SuppressWarnings("unchecked")
public abstract class TimelineApiContract extends ApiTest {

    @Autowired
    TimelineStore store;

    @Test
    void ownPostsAndFolloweesPostsNewestFirstButNotStrangers() {
        Account me = register("reader");
        Account friend = register("friend");
        Account stranger = register("stranger");
        startFollowing(me, friend);
        String mine = post(me, "Mine");
        String theirs = post(friend, "Theirs");
        post(stranger, "Not for you");

        assertThat(timeline(me)).containsExactly(theirs, mine);
    }

    @Test
    void aFollowBringsInRecentPostsAndAnUnfollowTakesThemOut() {
        Account me = register("reader");
        Account author = register("author");
        String older = post(author, "Older");
        String newer = post(author, "Newer");

        startFollowing(me, author);
        assertThat(timeline(me)).containsExactly(newer, older);

        http.delete().uri("/api/users/" + author.username() + "/follow").headers(me.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(timeline(me)).isEmpty();
    }

    @Test
    void aBlockTakesEachSidesPostsOutOfTheOthersTimeline() {
        Account ann = register("ann");
        Account bob = register("bob");
        startFollowing(ann, bob);
        startFollowing(bob, ann);
        String annsPost = post(ann, "Ann's");
        String bobsPost = post(bob, "Bob's");
        assertThat(timeline(ann)).containsExactly(bobsPost, annsPost);

        http.post().uri("/api/users/" + bob.username() + "/block").headers(ann.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(timeline(ann)).containsExactly(annsPost);
        assertThat(timeline(bob)).containsExactly(bobsPost);
    }

    @Test
    void aDeletedPostLeavesEveryTimeline() {
        Account me = register("reader");
        Account author = register("author");
        startFollowing(me, author);
        String gone = post(author, "Regret");
        assertThat(timeline(me)).containsExactly(gone);

        http.delete().uri("/api/posts/" + gone).headers(author.bearer()).exchange().expectStatus().isNoContent();

        assertThat(timeline(me)).isEmpty();
        assertThat(timeline(author)).isEmpty();
    }

    @Test
    void aCelebritysPostsAreMergedInWhenReadInsteadOfFannedOut() {
        Account celebrity = register("celeb");
        List<Account> fans = registerMany("fan", CELEBRITY_THRESHOLD + 1);
        fans.forEach(fan -> startFollowing(fan, celebrity));
        String ownPost = post(fans.get(0), "Mine");
        String famous = post(celebrity, "Hello, fans");

        assertThat(timeline(fans.get(0))).containsExactly(famous, ownPost);
        assertThat(timeline(fans.get(1))).containsExactly(famous);
        assertThat(store.page(fans.get(1).id(), null, 10)).as("nothing was written for the celebrity's post")
                .noneMatch(entry -> entry.postId().toString().equals(famous));
    }

    @Test
    void pagingWhileNewPostsArriveNeverRepeatsOrSkips() {
        Account me = register("reader");
        Account author = register("author");
        startFollowing(me, author);
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posts.add(0, post(author, "Post " + i));
        }
        awaitProcessed();
        Map<String, Object> first = read("/api/timeline?limit=2", me);
        post(author, "Breaking news");
        List<String> seen = new ArrayList<>(ids(first));
        String cursor = (String) first.get("nextCursor");
        while (cursor != null) {
            Map<String, Object> page = read("/api/timeline?limit=2&cursor=" + cursor, me);
            seen.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(posts);
    }

    @Test
    void postsComeWithTheirCountersAndTheViewersLike() {
        Account me = register("reader");
        Account author = register("author");
        startFollowing(me, author);
        String postId = post(author, "Like it");
        http.post().uri("/api/posts/" + postId + "/likes").headers(me.bearer()).exchange().expectStatus().isNoContent();

        awaitProcessed();
        Map<String, Object> item = ((List<Map<String, Object>>) read("/api/timeline", me).get("items")).get(0);
        assertThat(item).containsEntry("id", postId).containsEntry("likesCount", 1).containsEntry("likedByMe", true);
        assertThat((Map<String, Object>) item.get("author")).containsEntry("username", author.username());
    }

    @Test
    void theTimelineIsPrivate() {
        http.get().uri("/api/timeline").exchange().expectStatus().isUnauthorized();
    }


    /** The whole timeline, once the fan-out has every write (a write waits for its author's views only). */
    protected List<String> timeline(Account reader) {
        awaitProcessed();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = read("/api/timeline?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), reader);
            ids.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    static String randomPrefix() {
        return "test-" + UUID.randomUUID() + ":";
    }
}
