package io.glimpse.api.timeline;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.Concurrently;
import io.glimpse.query.timeline.TimelineEntry;
import io.glimpse.query.timeline.TimelineStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out of posts to followers' timelines, in batches of {@value #BATCH} timelines (so that
 * a few dozen followers take several), with the celebrity threshold out of the way: every
 * follower gets every post exactly once, also when follows and unfollows race the posts.
 */
public abstract class FanOutContract extends ApiTest {

    static final int BATCH = 7;

    @Autowired
    private TimelineStore store;

    @Test
    void aPostReachesEveryFollowerExactlyOnce() {
        Account author = register("author");
        List<Account> followers = registerMany("fan", 5 * BATCH + 3);
        followers.forEach(follower -> startFollowing(follower, author));

        String postId = post(author, "To all of you");
        awaitProcessed();

        for (Account follower : followers) {
            assertThat(entriesOf(follower, postId)).as("timeline entries of the post for " + follower.username())
                    .isEqualTo(1);
            assertThat(timeline(follower)).containsOnlyOnce(postId);
        }
    }

    @Test
    void followsAndUnfollowsRacingPostsLeaveEveryTimelineAsTheFinalGraphSays() {
        Account author = register("author");
        List<Account> leaving = registerMany("leaving", 3 * BATCH);
        List<Account> joining = registerMany("joining", 3 * BATCH);
        leaving.forEach(follower -> startFollowing(follower, author));
        post(author, "Before the race");

        List<Callable<Object>> race = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> race.add(() -> post(author, "During the race " + i)));
        leaving.forEach(user -> race.add(() -> unfollow(user, author)));
        joining.forEach(user -> race.add(() -> {
            startFollowing(user, author);
            return null;
        }));
        Concurrently.run(race);
        awaitProcessed();

        List<String> authorsPosts = timeline(author);
        assertThat(authorsPosts).hasSize(5);
        joining.forEach(user -> assertThat(timeline(user)).as(user.username() + " follows the author")
                .containsExactlyElementsOf(authorsPosts));
        leaving.forEach(user -> assertThat(timeline(user)).as(user.username() + " no longer follows the author")
                .isEmpty());
        for (Account user : joining) {
            authorsPosts.forEach(postId -> assertThat(entriesOf(user, postId)).isEqualTo(1));
        }
    }

    private Object unfollow(Account follower, Account followee) {
        http.delete().uri("/api/users/" + followee.username() + "/follow").headers(follower.bearer()).exchange()
                .expectStatus().isNoContent();
        return null;
    }

    /** How many entries of this post the owner's timeline holds in the store. */
    private long entriesOf(Account owner, String postId) {
        return store.page(owner.id(), null, 1_000).stream().map(TimelineEntry::postId)
                .filter(UUID.fromString(postId)::equals).count();
    }

    @SuppressWarnings("unchecked")
    private List<String> timeline(Account viewer) {
        Map<String, Object> page = read("/api/timeline?limit=100", viewer);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(post -> (String) post.get("id")).toList();
    }
}
