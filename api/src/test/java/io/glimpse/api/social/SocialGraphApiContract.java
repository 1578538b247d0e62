package io.glimpse.api.social;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Follow, unfollow, block and unblock end to end (API.md "Users and relations"). */
public abstract class SocialGraphApiContract extends ApiTest {

    @Test
    void followingShowsInBothProfilesCountsAndFlags() {
        Account ann = register("ann");
        Account bob = register("bob");

        follow(ann, bob).expectStatus().isNoContent();

        assertThat(profile(bob.username(), ann)).containsEntry("followersCount", 1).containsEntry("followedByMe", true)
                .containsEntry("followsMe", false).containsEntry("blockedByMe", false);
        assertThat(profile(ann.username(), bob)).containsEntry("followingCount", 1).containsEntry("followsMe", true);
        assertThat(profile(bob.username(), null)).containsEntry("followersCount", 1).doesNotContainKey("followedByMe");
    }

    @Test
    void followingAndUnfollowingTwiceAreNoOps() {
        Account ann = register("ann");
        Account bob = register("bob");
        unfollow(ann, bob).expectStatus().isNoContent(); // never followed: nothing to undo
        follow(ann, bob).expectStatus().isNoContent();
        follow(ann, bob).expectStatus().isNoContent();
        assertThat(profile(bob.username(), null)).containsEntry("followersCount", 1);

        unfollow(ann, bob).expectStatus().isNoContent();
        unfollow(ann, bob).expectStatus().isNoContent();
        assertThat(profile(bob.username(), null)).containsEntry("followersCount", 0);
        assertThat(profile(ann.username(), null)).containsEntry("followingCount", 0);
    }

    @Test
    void followErrors() {
        Account ann = register("ann");
        follow(ann, ann).expectStatus().isBadRequest();
        http.post().uri("/api/users/" + unique("ghost") + "/follow").headers(ann.bearer()).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/users/" + ann.username() + "/follow").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/users/" + ann.username() + "/block").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/users/me/blocks").exchange().expectStatus().isUnauthorized();
        block(ann, ann).expectStatus().isBadRequest();
    }

    @Test
    void listsAreNewestFirstAndPageWithoutRepeatsOrGaps() {
        Account star = register("star");
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Account fan = register("fan");
            follow(fan, star).expectStatus().isNoContent();
            follow(star, fan).expectStatus().isNoContent();
            fans.add(fan);
        }
        List<Object> newestFirst = new ArrayList<>(fans.stream().map(Account::username).toList());
        java.util.Collections.reverse(newestFirst);

        assertThat(allPages("/api/users/" + star.username() + "/followers", null, 2)).isEqualTo(newestFirst);
        assertThat(allPages("/api/users/" + star.username() + "/following", fans.get(0), 2)).isEqualTo(newestFirst);

        @SuppressWarnings("unchecked")
        Map<String, Object> firstFollower = (Map<String, Object>) page("/api/users/" + star.username() + "/followers?limit=1", star)
                .get("items", List.class).get(0);
        assertThat(firstFollower).containsEntry("username", fans.get(4).username())
                .containsEntry("followsMe", true).containsEntry("followedByMe", true).containsEntry("blockedByMe", false);
    }

    @Test
    void aNewFollowWhilePagingNeverRepeatsOrSkipsAFollower() {
        Account star = register("star");
        List<Account> fans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fans.add(register("fan"));
            follow(fans.get(i), star).expectStatus().isNoContent();
        }
        PageOf first = page("/api/users/" + star.username() + "/followers?limit=2", null);
        follow(register("late"), star).expectStatus().isNoContent();
        PageOf second = page("/api/users/" + star.username() + "/followers?limit=2&cursor=" + first.nextCursor(), null);

        List<Object> seen = new ArrayList<>(first.usernames());
        seen.addAll(second.usernames());
        assertThat(seen).containsExactly(fans.get(3).username(), fans.get(2).username(), fans.get(1).username(),
                fans.get(0).username());
    }

    @Test
    void aBlockEndsFollowsBothWaysHidesTheBlockerAndForbidsFollows() {
        Account ann = register("ann");
        Account bob = register("bob");
        follow(ann, bob).expectStatus().isNoContent();
        follow(bob, ann).expectStatus().isNoContent();

        block(ann, bob).expectStatus().isNoContent();

        assertThat(profile(ann.username(), null)).containsEntry("followersCount", 0).containsEntry("followingCount", 0);
        assertThat(profile(bob.username(), ann)).containsEntry("followersCount", 0).containsEntry("blockedByMe", true)
                .containsEntry("followedByMe", false);
        http.get().uri("/api/users/" + ann.username()).headers(bob.bearer()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/users/" + ann.username() + "/followers").headers(bob.bearer()).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/users/" + ann.username() + "/following").headers(bob.bearer()).exchange()
                .expectStatus().isNotFound();
        follow(bob, ann).expectStatus().isForbidden();
        follow(ann, bob).expectStatus().isForbidden();
        assertThat(page("/api/users/me/blocks", ann).usernames()).containsExactly(bob.username());
        assertThat(page("/api/users/me/blocks", bob).usernames()).isEmpty();
        block(ann, bob).expectStatus().isNoContent();
    }

    @Test
    void unblockingRestoresVisibilityButNoFollow() {
        Account ann = register("ann");
        Account bob = register("bob");
        follow(bob, ann).expectStatus().isNoContent();
        block(ann, bob).expectStatus().isNoContent();

        unblock(ann, bob).expectStatus().isNoContent();
        unblock(ann, bob).expectStatus().isNoContent();

        assertThat(profile(ann.username(), bob)).containsEntry("followedByMe", false);
        assertThat(profile(ann.username(), null)).containsEntry("followersCount", 0);
        assertThat(page("/api/users/me/blocks", ann).usernames()).isEmpty();
        follow(bob, ann).expectStatus().isNoContent();
        assertThat(profile(ann.username(), null)).containsEntry("followersCount", 1);
    }

    @Test
    void listsLeaveOutUsersWhoBlockTheViewer() {
        Account star = register("star");
        Account fan = register("fan");
        Account hater = register("hater");
        follow(fan, star).expectStatus().isNoContent();
        follow(hater, star).expectStatus().isNoContent();
        block(hater, fan).expectStatus().isNoContent();

        assertThat(page("/api/users/" + star.username() + "/followers", fan).usernames())
                .containsExactly(fan.username());
        assertThat(page("/api/users/" + star.username() + "/followers", null).usernames())
                .containsExactly(hater.username(), fan.username());
    }

    @Test
    void aDeletedAccountLeavesEveryListAndCount() {
        Account ann = register("ann");
        Account leaver = register("leaver");
        follow(leaver, ann).expectStatus().isNoContent();
        follow(ann, leaver).expectStatus().isNoContent();

        http.delete().uri("/api/users/" + leaver.username()).headers(leaver.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(profile(ann.username(), null)).containsEntry("followersCount", 0).containsEntry("followingCount", 0);
        assertThat(page("/api/users/" + ann.username() + "/followers", null).usernames()).isEmpty();
        assertThat(page("/api/users/" + ann.username() + "/following", null).usernames()).isEmpty();
    }

    @Test
    void fiftyConcurrentFollowsCountExactlyFifty() {
        Account star = register("star");
        List<Account> fans = registerMany("fan", 50);
        List<Integer> statuses = Concurrently.run(fans.stream()
                .<Callable<Integer>>map(fan -> () -> follow(fan, star).returnResult(Void.class).getStatus().value())
                .toList());

        assertThat(statuses).containsOnly(204);
        assertThat(profile(star.username(), null)).containsEntry("followersCount", 50);
        assertThat(allPages("/api/users/" + star.username() + "/followers", null, 100)).hasSize(50);
    }

    @Test
    void afterAStormOfInterleavedFollowsAndUnfollowsCountsEqualListSizes() {
        List<Account> crowd = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            crowd.add(register("storm"));
        }
        List<Callable<Integer>> storm = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 120; i++) {
            Account actor = crowd.get(random.nextInt(crowd.size()));
            Account target = crowd.get(random.nextInt(crowd.size()));
            boolean followIt = random.nextBoolean();
            if (actor != target) {
                storm.add(() -> (followIt ? follow(actor, target) : unfollow(actor, target))
                        .returnResult(Void.class).getStatus().value());
            }
        }
        assertThat(Concurrently.run(storm)).containsOnly(204);

        for (Account account : crowd) {
            Map<String, Object> profile = profile(account.username(), null);
            assertThat(((Number) profile.get("followersCount")).intValue())
                    .isEqualTo(allPages("/api/users/" + account.username() + "/followers", null, 100).size());
            assertThat(((Number) profile.get("followingCount")).intValue())
                    .isEqualTo(allPages("/api/users/" + account.username() + "/following", null, 100).size());
        }
    }

    private RestTestClient.ResponseSpec follow(Account actor, Account target) {
        return http.post().uri("/api/users/" + target.username() + "/follow").headers(actor.bearer()).exchange();
    }

    private RestTestClient.ResponseSpec unfollow(Account actor, Account target) {
        return http.delete().uri("/api/users/" + target.username() + "/follow").headers(actor.bearer()).exchange();
    }

    private RestTestClient.ResponseSpec block(Account actor, Account target) {
        return http.post().uri("/api/users/" + target.username() + "/block").headers(actor.bearer()).exchange();
    }

    private RestTestClient.ResponseSpec unblock(Account actor, Account target) {
        return http.delete().uri("/api/users/" + target.username() + "/block").headers(actor.bearer()).exchange();
    }

    record PageOf(Map<?, ?> body) {
        <T> T get(String key, Class<T> type) {
            return type.cast(body.get(key));
        }

        List<Object> usernames() {
            return ((List<?>) body.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("username")).toList();
        }

        String nextCursor() {
            return (String) body.get("nextCursor");
        }
    }

    private PageOf page(String uri, Account viewer) {
        return new PageOf(http.get().uri(uri)
                .headers(headers -> {
                    if (viewer != null) {
                        headers.setBearerAuth(viewer.accessToken());
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private List<Object> allPages(String uri, Account viewer, int limit) {
        List<Object> usernames = new ArrayList<>();
        String cursor = null;
        do {
            PageOf page = page(uri + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), viewer);
            usernames.addAll(page.usernames());
            cursor = page.nextCursor();
        } while (cursor != null);
        return usernames;
    }

}
