package io.glimpse.api.social;

import io.glimpse.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path hides both ways what a block hides (BlockPolicy, docs/api-decisions.md): the
 * blocker's and the blocked user's posts, comments, likes, follows, notifications and search
 * results, made before the block, from each other; the profile only from the blocked side.
 */
public abstract class BlockVisibilityContract extends ApiTest {

    @Test
    void aBlockHidesEachSideFromTheOtherOnEveryReadPath() {
        String word = "blockword" + unique("w").replace("_", "");
        Account blocker = register("blocker");
        Account blocked = register("blocked");
        Account third = register("third");
        String thirdsPost = post(third, "A post both comment on " + word);
        String blockersPost = post(blocker, "by the blocker " + word);
        String blockedsPost = post(blocked, "by the blocked " + word);
        for (Account side : List.of(blocker, blocked)) {
            startFollowing(side, third);
            http.post().uri("/api/posts/" + thirdsPost + "/comments").headers(side.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "said by " + side.username()))
                    .exchange().expectStatus().isCreated();
            http.post().uri("/api/posts/" + thirdsPost + "/likes").headers(side.bearer()).exchange()
                    .expectStatus().isNoContent();
        }
        http.post().uri("/api/posts/" + blockedsPost + "/likes").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/api/posts/" + blockersPost + "/likes").headers(blocked.bearer()).exchange()
                .expectStatus().isNoContent();
        startFollowing(blocked, blocker);

        http.post().uri("/api/users/" + blocked.username() + "/block").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();
        awaitProcessed();

        assertHidden(blocker, blocked, blockedsPost, thirdsPost, third, word);
        assertHidden(blocked, blocker, blockersPost, thirdsPost, third, word);
        assertThat(read("/api/users/" + blocked.username(), blocker)).containsEntry("blockedByMe", true);
        http.get().uri("/api/users/" + blocker.username()).headers(blocked.bearer()).exchange()
                .expectStatus().isNotFound();
        assertThat(usernames(read("/api/users/me/blocks", blocker))).containsExactly(blocked.username());

        // The Mastodon client API keeps the same rule: lists hidden by a block come empty, as Mastodon answers them.
        for (String list : List.of("statuses", "followers", "following")) {
            http.get().uri("/api/v1/accounts/" + blocked.id() + "/" + list).headers(blocker.bearer()).exchange()
                    .expectStatus().isOk().expectBody().json("[]");
            http.get().uri("/api/v1/accounts/" + blocker.id() + "/" + list).headers(blocked.bearer()).exchange()
                    .expectStatus().isNotFound();
        }
    }

    /** What {@code viewer} must not see of {@code other}. */
    @SuppressWarnings("unchecked")
    private void assertHidden(Account viewer, Account other, String othersPost, String thirdsPost, Account third,
                              String word) {
        for (String path : List.of("/api/posts/" + othersPost, "/api/users/" + other.username() + "/posts",
                "/api/users/" + other.username() + "/followers", "/api/users/" + other.username() + "/following")) {
            http.get().uri(path).headers(viewer.bearer()).exchange().expectStatus().isNotFound();
        }
        assertThat(authors(read("/api/posts/" + thirdsPost + "/comments", viewer)))
                .as("comments").contains(viewer.username()).doesNotContain(other.username());
        assertThat(usernames(read("/api/posts/" + thirdsPost + "/likes", viewer)))
                .as("likers").contains(viewer.username()).doesNotContain(other.username());
        assertThat(usernames(read("/api/users/" + third.username() + "/followers", viewer)))
                .as("followers of a third").contains(viewer.username()).doesNotContain(other.username());
        assertThat(authors(read("/api/timeline", viewer))).as("timeline").doesNotContain(other.username());
        assertThat(authors(read("/api/search/posts?q=" + word, viewer))).as("search")
                .contains(third.username()).doesNotContain(other.username());
        assertThat(usernames(Map.of("items", read("/api/search/autocomplete?q=" + other.username(), viewer)
                .get("users")))).as("suggestions").doesNotContain(other.username());
        assertThat(((List<Map<String, Object>>) read("/api/notifications", viewer).get("items")).stream()
                .<Object>map(n -> ((Map<?, ?>) n.get("actor")).get("username")).toList())
                .as("notifications").doesNotContain(other.username());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> usernames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(user -> user.get("username")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> authors(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .<Object>map(item -> ((Map<?, ?>) item.get("author")).get("username")).toList();
    }
}
