package io.glimpse.api.search;

import io.glimpse.api.support.ApiTest;
import io.glimpse.processing.Processors;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Search end to end (API.md "Search"), whichever engine holds the index. */
@SuppressWarnings("unchecked")
public abstract class SearchApiContract extends ApiTest {

    private static final Random RANDOM = new Random();

    @Autowired
    SearchIndex index;
    @Autowired
    EventProcessingConfiguration processing;

    /** Deletes the index behind the application's back, as a wiped cluster or directory would. */
    protected abstract void loseTheIndex();

    /** A word no other test uses, so that tests sharing the application find only their own posts. */
    static String word() {
        StringBuilder word = new StringBuilder("w");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    String post(Account author, String caption, String... tags) {
        return (String) http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", caption, "tags", List.of(tags))).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** A GET that must answer 200, of a path whose query is already encoded, once the index has every write. */
    Map<String, Object> get(String pathAndQuery, Account viewer) {
        awaitProcessed();
        return read(uri(pathAndQuery), viewer);
    }

    java.net.URI uri(String pathAndQuery) {
        return java.net.URI.create("http://localhost:" + port + pathAndQuery);
    }

    Map<String, Object> search(String query, Account viewer) {
        return get("/api/search/posts?q=" + encode(query), viewer);
    }

    List<String> ids(String query, Account viewer) {
        return ((List<Map<String, Object>>) search(query, viewer).get("items")).stream()
                .map(post -> (String) post.get("id")).toList();
    }

    Map<String, Object> autocomplete(String prefix, Account viewer) {
        return get("/api/search/autocomplete?q=" + encode(prefix), viewer);
    }

    List<String> suggestedUsernames(String prefix, Account viewer) {
        return ((List<Map<String, Object>>) autocomplete(prefix, viewer).get("users")).stream()
                .map(user -> (String) user.get("username")).toList();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aTagRanksAboveACaptionWordAndNewerPostsComeFirstAmongEquals() {
        Account author = register("ranker");
        String topic = word();
        String older = post(author, "about " + topic + " once");
        String tagged = post(author, "a photo", topic);
        String newer = post(author, "about " + topic + " again");
        String both = post(author, "#" + topic + " everywhere");

        assertThat(ids(topic, null)).containsExactly(both, tagged, newer, older);
        Map<String, Object> page = search(topic, null);
        assertThat(page).containsEntry("total", 4).containsEntry("limit", 20).containsEntry("offset", 0);
        Map<String, Object> first = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(first).containsKeys("author", "caption", "tags", "media", "likesCount", "createdAt");
        assertThat((Map<String, Object>) first.get("author")).containsEntry("username", author.username());
    }

    @Test
    void tagsAreFoundWithOrWithoutTheHashAndTheHashLooksAtTagsOnly() {
        Account author = register("tagger");
        String tag = word();
        String tagged = post(author, "nothing to see", tag);
        String mentioned = post(author, "the word " + tag + " in a caption");

        assertThat(ids("#" + tag, null)).containsExactly(tagged);
        assertThat(ids(tag, null)).containsExactly(tagged, mentioned);
        assertThat(ids("#" + tag.toUpperCase(), null)).as("tags are lower case").containsExactly(tagged);
    }

    @Test
    void postsAreFoundByTheirAuthorsUsernameAndEveryWordMustMatch() {
        Account author = register("writer");
        Account other = register("other");
        String topic = word();
        String mine = post(author, topic + " by me");
        String theirs = post(other, topic + " by them");

        assertThat(ids(author.username(), null)).containsExactly(mine);
        assertThat(ids("@" + author.username(), null)).containsExactly(mine);
        assertThat(ids(topic + " " + other.username(), null)).containsExactly(theirs);
        assertThat(ids(topic + " " + word(), null)).isEmpty();
    }

    @Test
    void pagesFollowLimitAndOffsetWithTheTotal() {
        Account author = register("pager");
        String topic = word();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, post(author, topic + " number " + i));
        }
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            Map<String, Object> page = get("/api/search/posts?q=" + topic + "&limit=2&offset=" + offset, null);
            assertThat(page).containsEntry("total", 5).containsEntry("limit", 2).containsEntry("offset", offset);
            ((List<Map<String, Object>>) page.get("items")).forEach(post -> seen.add((String) post.get("id")));
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(get("/api/search/posts?q=" + topic + "&limit=1000", null)).containsEntry("limit", 100);
        assertThat(get("/api/search/posts?q=" + topic + "&offset=9990&limit=50", null))
                .as("never beyond the first 10,000 results").containsEntry("limit", 10).containsEntry("offset", 9990);
    }

    @Test
    void autocompleteSuggestsTagsWithPostCountsAndUsers() {
        String stem = word();
        Account exact = registerExactly(stem);
        Account longer = registerExactly(stem + "_two");
        post(exact, "one", stem + "popular", stem + "rare");
        post(longer, "two", stem + "popular");

        Map<String, Object> suggestions = autocomplete(stem, null);
        assertThat((List<Map<String, Object>>) suggestions.get("tags")).containsExactly(
                Map.of("tag", stem + "popular", "postsCount", 2), Map.of("tag", stem + "rare", "postsCount", 1));
        List<Map<String, Object>> users = (List<Map<String, Object>>) suggestions.get("users");
        assertThat(users).extracting(user -> user.get("username")).containsExactly(exact.username(), longer.username());
        assertThat(users.get(0)).containsOnlyKeys("id", "username", "displayName", "avatarUrl")
                .containsEntry("id", exact.id().toString());

        assertThat((List<?>) autocomplete("#" + stem, null).get("users")).as("# asks for tags only").isEmpty();
        assertThat((List<?>) autocomplete("#" + stem, null).get("tags")).hasSize(2);
        assertThat((List<?>) autocomplete("@" + stem, null).get("tags")).as("@ asks for users only").isEmpty();
        assertThat(suggestedUsernames("@" + stem.toUpperCase(), null)).hasSize(2);
    }

    @Test
    void autocompleteGivesAtMostTenOfEach() {
        String stem = word();
        Account author = registerExactly(stem);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tags.add(stem + (char) ('a' + i));
            registerExactly(stem + "_" + i);
        }
        post(author, "many tags", tags.toArray(String[]::new));

        Map<String, Object> suggestions = autocomplete(stem, null);
        assertThat((List<?>) suggestions.get("tags")).hasSize(10);
        assertThat((List<?>) suggestions.get("users")).hasSize(10);
    }

    /** Each suggestion of people once kept a database connection open: the eleventh waited for the pool and failed. */
    @Test
    void autocompleteAnsweredMoreOftenThanThePoolHasConnectionsGivesBackEachConnection() {
        String stem = word();
        registerExactly(stem);
        for (int i = 0; i < 30; i++) {
            assertThat(suggestedUsernames("@" + stem, null)).as("suggestion %d", i).hasSize(1);
        }
    }

    @Test
    void aNewDisplayNameIsSuggested() {
        Account user = register("renamed");
        String name = word();
        http.patch().uri("/api/users/" + user.username()).headers(user.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Somebody " + name)).exchange().expectStatus().isOk();

        List<Map<String, Object>> users = (List<Map<String, Object>>) autocomplete(name.substring(0, 6), null).get("users");
        assertThat(users).singleElement().satisfies(found -> assertThat(found)
                .containsEntry("username", user.username()).containsEntry("displayName", "Somebody " + name));
    }

    @Test
    void editedPostsAreFoundByTheirNewWordsAndDeletedPostsNeverAgain() {
        Account author = register("editor");
        String before = word();
        String after = word();
        String post = post(author, "first " + before);
        String deleted = post(author, "doomed " + after);
        http.patch().uri("/api/posts/" + post).headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", "now " + after)).exchange().expectStatus().isOk();
        http.delete().uri("/api/posts/" + deleted).headers(author.bearer()).exchange().expectStatus().isNoContent();

        assertThat(ids(before, null)).isEmpty();
        assertThat(ids(after, null)).containsExactly(post);
        assertThat(search(after, null)).containsEntry("total", 1);
    }

    @Test
    void aDeletedAccountsPostsAndNameDisappear() {
        Account leaving = register("leaving");
        Account staying = register("staying");
        String topic = word();
        post(leaving, "goodbye " + topic, topic);
        String kept = post(staying, "hello " + topic);

        http.delete().uri("/api/users/" + leaving.username()).headers(leaving.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(ids(topic, null)).containsExactly(kept);
        assertThat(ids(leaving.username(), null)).isEmpty();
        assertThat(suggestedUsernames(leaving.username(), null)).isEmpty();
        assertThat((List<?>) autocomplete("#" + topic, null).get("tags")).isEmpty();
    }

    @Test
    void usersEitherSideOfABlockDoNotFindEachOtherOrEachOthersPosts() {
        String stem = word();
        Account blocker = registerExactly(stem + "_blocker");
        Account blocked = registerExactly(stem + "_blocked");
        Account bystander = registerExactly(stem + "_bystander");
        String byBlocker = post(blocker, stem + " from the blocker", stem);
        String byBlocked = post(blocked, stem + " from the blocked", stem);
        http.post().uri("/api/users/" + blocked.username() + "/block").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(ids(stem, blocker)).containsExactly(byBlocker);
        assertThat(search(stem, blocker)).containsEntry("total", 1);
        assertThat(ids(stem, blocked)).containsExactly(byBlocked);
        assertThat(ids(stem, bystander)).containsExactlyInAnyOrder(byBlocker, byBlocked);
        assertThat(ids(stem, null)).as("anonymous").containsExactlyInAnyOrder(byBlocker, byBlocked);
        assertThat(suggestedUsernames(stem, blocker)).containsExactly(blocker.username(), bystander.username());
        assertThat(suggestedUsernames(stem, blocked)).containsExactly(blocked.username(), bystander.username());
        assertThat((List<Map<String, Object>>) autocomplete("#" + stem, blocker).get("tags"))
                .containsExactly(Map.of("tag", stem, "postsCount", 1));

        http.delete().uri("/api/users/" + blocked.username() + "/block").headers(blocker.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(ids(stem, blocker)).containsExactlyInAnyOrder(byBlocker, byBlocked);
    }

    @Test
    void badInputIsA400ProblemNeverA500() {
        for (String uri : List.of("/api/search/posts", "/api/search/posts?q=", "/api/search/posts?q=%20%20",
                "/api/search/posts?q=" + "a".repeat(201), "/api/search/posts?q=x&limit=0",
                "/api/search/posts?q=x&offset=-1", "/api/search/posts?q=x&offset=10000",
                "/api/search/posts?q=x&limit=ten", "/api/search/autocomplete", "/api/search/autocomplete?q=",
                "/api/search/autocomplete?q=" + "a".repeat(51))) {
            http.get().uri(uri(uri)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        http.get().uri(uri("/api/search/posts?q=x&offset=-1")).exchange().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("offset");
    }

    @Test
    void theApiDocumentDescribesSearch() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/search/posts'].get.parameters[?(@.name == 'q')]").exists()
                .jsonPath("$.paths['/api/search/posts'].get.parameters[?(@.name == 'offset')]").exists()
                .jsonPath("$.paths['/api/search/autocomplete'].get").exists();
    }

    @Test
    void queriesWithoutSearchableWordsFindNothing() {
        assertThat(search("!!! ???", null)).containsEntry("total", 0);
        assertThat(search("#", null)).containsEntry("total", 0);
        assertThat(autocomplete("#", null)).containsEntry("tags", List.of()).containsEntry("users", List.of());
        assertThat(autocomplete("#no-such", null)).containsEntry("tags", List.of());
    }

    /**
     * Reset the projection (as an admin replay would) while clients search: every answer is a
     * 200 with all the posts, from the old generation until the new one is swapped in.
     */
    @Test
    void aRebuildWhileQueriesRunNeverAnswersAnErrorNorAnIncompleteResult() throws Exception {
        Account author = register("rebuilt");
        String topic = word();
        int posts = 30;
        for (int i = 0; i < posts; i++) {
            post(author, topic + " " + i);
        }
        awaitProcessed();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 3; i++) {
            clients.submit(() -> {
                while (!done.get()) {
                    var result = http.get().uri(uri("/api/search/posts?q=" + topic)).exchange()
                            .returnResult(Map.class);
                    answers.incrementAndGet();
                    Object total = result.getResponseBody() == null ? null : result.getResponseBody().get("total");
                    if (!result.getStatus().is2xxSuccessful() || !Integer.valueOf(posts).equals(total)) {
                        wrong.add(result.getStatus() + " " + result.getResponseBody());
                    }
                }
            });
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.get() > 10);
            StreamingEventProcessor projection = processing
                    .eventProcessor(SearchProjection.NAME, StreamingEventProcessor.class).orElseThrow();
            Processors.replay(projection);
            assertThat(index.isRebuilding()).isTrue();
            await().atMost(Duration.ofSeconds(60)).until(() -> !index.isRebuilding());
            int atSwap = answers.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.get() > atSwap + 10);
        } finally {
            done.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(wrong).isEmpty();
        assertThat(search(topic, null)).containsEntry("total", posts);
        String later = post(author, topic + " after the rebuild");
        assertThat(ids(topic, null)).first().isEqualTo(later);
    }

    @Test
    void aLostIndexIsNoticedAndRebuiltWithoutAPerson() {
        Account author = register("survivor");
        String topic = word();
        String kept = post(author, "still here " + topic, topic);
        await().atMost(Duration.ofSeconds(30)).until(() -> index.isIntact() && !index.isRebuilding());

        loseTheIndex();

        await().atMost(Duration.ofSeconds(60)).until(() -> index.isIntact() && !index.isRebuilding()
                && ids(topic, null).equals(List.of(kept)));
        assertThat(suggestedUsernames(author.username(), null)).containsExactly(author.username());
        assertThat((List<Map<String, Object>>) autocomplete("#" + topic, null).get("tags"))
                .containsExactly(Map.of("tag", topic, "postsCount", 1));
    }
}
