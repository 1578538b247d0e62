package io.glimpse.api.engagement;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.Concurrently;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments and likes end to end (API.md: the comment and like rows of "Posts, timeline, comments, likes"). */
@SuppressWarnings("unchecked")
public abstract class EngagementApiContract extends ApiTest {

    @Test
    void commentsAreListedOldestFirstPageByPageAndCounted() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Look");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> comment = comment(fan, postId, "Comment " + i).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(comment).containsEntry("postId", postId).containsEntry("likesCount", 0)
                    .containsEntry("likedByMe", false).containsEntry("text", "Comment " + i);
            ids.add((String) comment.get("id"));
        }
        Map<String, Object> first = read("/api/posts/" + postId + "/comments?limit=2", null);
        Map<String, Object> second = read("/api/posts/" + postId + "/comments?limit=2&cursor=" + first.get("nextCursor"), null);
        List<Object> seen = new ArrayList<>(ids(first));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(second.get("nextCursor")).isNull();
        assertThat(read("/api/posts/" + postId, null)).containsEntry("commentsCount", 3);
        assertThat(read("/api/posts/" + postId + "/comments/" + ids.get(1), null)).containsEntry("text", "Comment 1");
    }

    @Test
    void commentErrors() {
        Account author = register("author");
        String postId = post(author, "Quiet");
        comment(author, postId, " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        comment(author, postId, "x".repeat(1001)).expectStatus().isBadRequest();
        comment(author, java.util.UUID.randomUUID().toString(), "Anyone?").expectStatus().isNotFound();
        http.post().uri("/api/posts/" + postId + "/comments").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "anon")).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/posts/" + postId + "/comments/" + java.util.UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void onlyTheCommentsAuthorEditsIt() {
        Account author = register("author");
        Account commenter = register("commenter");
        String postId = post(author, "Edit me");
        String commentId = commentId(commenter, postId, "Frist");

        editComment(author, postId, commentId, "Hijack").expectStatus().isForbidden();
        Map<String, Object> edited = editComment(commenter, postId, commentId, "First").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(edited).containsEntry("text", "First");
        assertThat(edited.get("editedAt")).isNotNull();
    }

    @Test
    void theCommenterThePostsAuthorOrAnAdminDeleteAComment() {
        Account author = register("author");
        Account commenter = register("commenter");
        Account stranger = register("stranger");
        String postId = post(author, "Moderated");
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            comments.add(commentId(commenter, postId, "Comment " + i));
        }
        deleteComment(stranger, postId, comments.get(0)).expectStatus().isForbidden();
        deleteComment(commenter, postId, comments.get(0)).expectStatus().isNoContent();
        deleteComment(author, postId, comments.get(1)).expectStatus().isNoContent();
        deleteComment(admin(), postId, comments.get(2)).expectStatus().isNoContent();
        deleteComment(commenter, postId, comments.get(0)).expectStatus().isNoContent();

        assertThat(ids(read("/api/posts/" + postId + "/comments", null))).isEmpty();
        assertThat(read("/api/posts/" + postId, null)).containsEntry("commentsCount", 0);
    }

    @Test
    void aBlockForbidsCommentsAndLikesBothWays() {
        Account author = register("author");
        Account troll = register("troll");
        String postId = post(author, "Not for trolls");
        http.post().uri("/api/users/" + troll.username() + "/block").headers(author.bearer()).exchange()
                .expectStatus().isNoContent();

        comment(troll, postId, "Let me in").expectStatus().isForbidden();
        like(troll, postId).expectStatus().isForbidden();
        String own = post(troll, "My post");
        comment(author, own, "Hi").expectStatus().isForbidden();
        like(author, own).expectStatus().isForbidden();
    }

    @Test
    void likesAreIdempotentCountedAndListedNewestFirst() {
        Account author = register("author");
        Account ann = register("ann");
        Account bob = register("bob");
        String postId = post(author, "Like me");

        unlike(ann, postId).expectStatus().isNoContent(); // never liked: nothing to undo
        like(ann, postId).expectStatus().isNoContent();
        like(ann, postId).expectStatus().isNoContent();
        like(bob, postId).expectStatus().isNoContent();

        assertThat(read("/api/posts/" + postId, ann)).containsEntry("likesCount", 2).containsEntry("likedByMe", true);
        assertThat(read("/api/posts/" + postId, author)).containsEntry("likedByMe", false);
        assertThat(usernames(read("/api/posts/" + postId + "/likes", null))).containsExactly(bob.username(), ann.username());

        unlike(ann, postId).expectStatus().isNoContent();
        unlike(ann, postId).expectStatus().isNoContent();
        assertThat(read("/api/posts/" + postId, ann)).containsEntry("likesCount", 1).containsEntry("likedByMe", false);
        like(ann, java.util.UUID.randomUUID().toString()).expectStatus().isNotFound();
    }

    @Test
    void commentLikesAreCountedOnTheComment() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Discuss");
        String commentId = commentId(author, postId, "Thoughts?");
        String path = "/api/posts/" + postId + "/comments/" + commentId + "/likes";

        http.delete().uri(path).headers(fan.bearer()).exchange().expectStatus().isNoContent(); // never liked
        http.post().uri(path).headers(fan.bearer()).exchange().expectStatus().isNoContent();
        http.post().uri(path).headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(read("/api/posts/" + postId + "/comments/" + commentId, fan))
                .containsEntry("likesCount", 1).containsEntry("likedByMe", true);

        http.delete().uri(path).headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(read("/api/posts/" + postId + "/comments/" + commentId, fan))
                .containsEntry("likesCount", 0).containsEntry("likedByMe", false);
        String otherPost = post(author, "Elsewhere");
        http.post().uri("/api/posts/" + otherPost + "/comments/" + commentId + "/likes").headers(fan.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void deletingAPostTakesItsCommentsAndLikesWithIt() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Ephemeral");
        String commentId = commentId(fan, postId, "Nice");
        like(fan, postId).expectStatus().isNoContent();

        http.delete().uri("/api/posts/" + postId).headers(author.bearer()).exchange().expectStatus().isNoContent();

        http.get().uri("/api/posts/" + postId + "/comments").exchange().expectStatus().isNotFound();
        http.get().uri("/api/posts/" + postId + "/comments/" + commentId).exchange().expectStatus().isNotFound();
        comment(fan, postId, "Hello?").expectStatus().isNotFound();
    }

    @Test
    void aHundredConcurrentLikesCountAHundredAndFiftyConcurrentUnlikesLeaveFifty() {
        Account author = register("star");
        String postId = post(author, "Viral");
        List<Account> fans = registerMany("fan", 100);

        assertThat(Concurrently.run(fans.stream()
                .<Callable<Integer>>map(fan -> () -> like(fan, postId).returnResult(Void.class).getStatus().value())
                .toList())).containsOnly(204);
        assertThat(read("/api/posts/" + postId, null)).containsEntry("likesCount", 100);

        assertThat(Concurrently.run(fans.subList(0, 50).stream()
                .<Callable<Integer>>map(fan -> () -> unlike(fan, postId).returnResult(Void.class).getStatus().value())
                .toList())).containsOnly(204);
        assertThat(read("/api/posts/" + postId, null)).containsEntry("likesCount", 50);
        assertThat(allLikers(postId)).hasSize(50)
                .containsExactlyInAnyOrderElementsOf(fans.subList(50, 100).stream().map(Account::username).toList());
    }

    // --- steps ---

    protected RestTestClient.ResponseSpec comment(Account author, String postId, String text) {
        return http.post().uri("/api/posts/" + postId + "/comments").headers(author.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).exchange();
    }

    protected String commentId(Account author, String postId, String text) {
        return (String) comment(author, postId, text).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private RestTestClient.ResponseSpec editComment(Account caller, String postId, String commentId, String text) {
        return http.patch().uri("/api/posts/" + postId + "/comments/" + commentId).headers(caller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).exchange();
    }

    protected RestTestClient.ResponseSpec deleteComment(Account caller, String postId, String commentId) {
        return http.delete().uri("/api/posts/" + postId + "/comments/" + commentId).headers(caller.bearer()).exchange();
    }

    protected RestTestClient.ResponseSpec like(Account liker, String postId) {
        return http.post().uri("/api/posts/" + postId + "/likes").headers(liker.bearer()).exchange();
    }

    protected RestTestClient.ResponseSpec unlike(Account liker, String postId) {
        return http.delete().uri("/api/posts/" + postId + "/likes").headers(liker.bearer()).exchange();
    }

    private List<Object> allLikers(String postId) {
        List<Object> likers = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = read("/api/posts/" + postId + "/likes?limit=30"
                    + (cursor == null ? "" : "&cursor=" + cursor), null);
            likers.addAll(usernames(page));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return likers;
    }

    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().<Object>map(item -> item.get("id")).toList();
    }

    private static List<Object> usernames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().<Object>map(item -> item.get("username")).toList();
    }
}
