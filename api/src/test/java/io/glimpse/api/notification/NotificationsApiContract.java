package io.glimpse.api.notification;

import io.glimpse.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications, rule by rule (API.md "Notifications"). */
@SuppressWarnings("unchecked")
public abstract class NotificationsApiContract extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aFollowNotifiesTheFolloweeAndUnfollowingTakesItBack() {
        Account ann = register("ann");
        Account bob = register("bob");
        startFollowing(bob, ann);

        Map<String, Object> notification = single(ann);
        assertThat(notification).containsEntry("type", "FOLLOW").containsEntry("read", false)
                .doesNotContainKey("post").doesNotContainKey("comment");
        assertThat((Map<String, Object>) notification.get("actor")).containsEntry("username", bob.username());

        http.delete().uri("/api/users/" + ann.username() + "/follow").headers(bob.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(inbox(ann, false)).isEmpty();
    }

    @Test
    void idsAreTimeOrderedFromTheUserToTheNotification() {
        Account ann = register("ann");
        Account bob = register("bob");
        String postId = post(ann, "Ordered");
        startFollowing(bob, ann);

        UUID notificationId = UUID.fromString((String) single(ann).get("id"));
        assertThat(List.of(ann.id().version(), bob.id().version(), UUID.fromString(postId).version()))
                .containsOnly(7);
        assertThat(notificationId.version()).isEqualTo(8);
        // Both begin with their creation time, so ids made later compare greater.
        assertThat(Long.compareUnsigned(ann.id().getMostSignificantBits(), notificationId.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void theApplicationRanTheMigrationThatMadeStoredNotificationIdsTimeOrdered() {
        assertThat(jdbc.sql("select count(*) from \"flyway_schema_history\" where \"version\" = '12' and \"success\"")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void likesCommentsCommentLikesAndMentionsNotifyTheRightPeople() {
        Account author = register("author");
        Account fan = register("fan");
        Account friend = register("friend");
        String postId = post(author, "Sunset with @" + friend.username());
        assertThat(types(friend)).containsExactly("MENTION");

        http.post().uri("/api/posts/" + postId + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        String commentId = comment(fan, postId, "Wow, @" + friend.username() + " look");
        http.post().uri("/api/posts/" + postId + "/comments/" + commentId + "/likes").headers(author.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(types(author)).containsExactly("COMMENT", "LIKE");
        Map<String, Object> comment = inbox(author, false).get(0);
        assertThat((Map<String, Object>) comment.get("post")).containsEntry("id", postId);
        assertThat((Map<String, Object>) comment.get("comment")).containsEntry("id", commentId)
                .containsEntry("text", "Wow, @" + friend.username() + " look");
        assertThat(types(fan)).containsExactly("COMMENT_LIKE");
        assertThat(types(friend)).containsExactly("MENTION", "MENTION");
    }

    @Test
    void aCommentMentioningThePostsAuthorTellsThemBoth() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Ask me");
        comment(fan, postId, "@" + author.username() + " how?");
        assertThat(types(author)).containsExactlyInAnyOrder("COMMENT", "MENTION");
    }

    @Test
    void nobodyIsNotifiedOfTheirOwnActions() {
        Account author = register("self");
        String postId = post(author, "Me, @" + author.username());
        http.post().uri("/api/posts/" + postId + "/likes").headers(author.bearer()).exchange().expectStatus().isNoContent();
        String commentId = comment(author, postId, "Talking to myself");
        http.post().uri("/api/posts/" + postId + "/comments/" + commentId + "/likes").headers(author.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(inbox(author, false)).isEmpty();
    }

    @Test
    void undoingTheCauseRemovesTheNotification() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Undo");
        http.post().uri("/api/posts/" + postId + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        String commentId = comment(fan, postId, "Hi");
        http.post().uri("/api/posts/" + postId + "/comments/" + commentId + "/likes").headers(author.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(types(author)).containsExactly("COMMENT", "LIKE");

        http.delete().uri("/api/posts/" + postId + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(types(author)).containsExactly("COMMENT");
        http.delete().uri("/api/posts/" + postId + "/comments/" + commentId).headers(fan.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(types(author)).isEmpty();
        assertThat(types(fan)).as("the like of the deleted comment").isEmpty();
    }

    @Test
    void deletingAPostRemovesEveryNotificationAboutIt() {
        Account author = register("author");
        Account fan = register("fan");
        Account friend = register("friend");
        String postId = post(author, "Gone soon @" + friend.username());
        http.post().uri("/api/posts/" + postId + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();

        http.delete().uri("/api/posts/" + postId).headers(author.bearer()).exchange().expectStatus().isNoContent();

        assertThat(inbox(author, false)).isEmpty();
        assertThat(inbox(friend, false)).isEmpty();
    }

    @Test
    void nothingFromSomeoneEitherSideBlocks() {
        Account author = register("author");
        Account fan = register("fan");
        String postId = post(author, "Blocked later");
        http.post().uri("/api/posts/" + postId + "/likes").headers(fan.bearer()).exchange().expectStatus().isNoContent();
        assertThat(types(author)).containsExactly("LIKE");

        http.post().uri("/api/users/" + author.username() + "/block").headers(fan.bearer()).exchange()
                .expectStatus().isNoContent();

        assertThat(inbox(author, false)).isEmpty();
        assertThat(unreadCount(author)).isZero();
    }

    @Test
    void readStateUnreadFilterAndCounts() {
        Account ann = register("ann");
        Account bob = register("bob");
        Account cid = register("cid");
        startFollowing(bob, ann);
        startFollowing(cid, ann);
        assertThat(unreadCount(ann)).isEqualTo(2);

        http.post().uri("/api/notifications/mark-all-read").headers(ann.bearer()).exchange().expectStatus().isNoContent();
        assertThat(unreadCount(ann)).isZero();
        assertThat(inbox(ann, true)).isEmpty();
        assertThat(inbox(ann, false)).hasSize(2).allSatisfy(n -> assertThat(n).containsEntry("read", true));

        String newest = (String) inbox(ann, false).get(0).get("id");
        markRead(ann, newest, false).expectStatus().isNoContent();
        assertThat(unreadCount(ann)).isEqualTo(1);
        assertThat(inbox(ann, true)).extracting(n -> n.get("id")).containsExactly(newest);
        markRead(ann, newest, true).expectStatus().isNoContent();
        assertThat(unreadCount(ann)).isZero();
    }

    @Test
    void onlyTheRecipientSeesOrChangesANotification() {
        Account ann = register("ann");
        Account bob = register("bob");
        startFollowing(bob, ann);
        String id = (String) single(ann).get("id");

        markRead(bob, id, true).expectStatus().isNotFound();
        markRead(ann, UUID.randomUUID().toString(), true).expectStatus().isNotFound();
        http.patch().uri("/api/notifications/" + id).headers(ann.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of()).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
        assertThat(inbox(bob, false)).isEmpty();
    }

    // --- steps ---


    private String comment(Account author, String postId, String text) {
        return (String) http.post().uri("/api/posts/" + postId + "/comments").headers(author.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", text)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec markRead(Account caller, String id,
                                                                                             boolean read) {
        return http.patch().uri("/api/notifications/" + id).headers(caller.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("read", read)).exchange();
    }

    /** Notifications are another user's read model: a write does not wait for them. */
    private List<Map<String, Object>> inbox(Account recipient, boolean unreadOnly) {
        awaitProcessed();
        return (List<Map<String, Object>>) read("/api/notifications?unread=" + unreadOnly, recipient).get("items");
    }

    private Map<String, Object> single(Account recipient) {
        List<Map<String, Object>> items = inbox(recipient, false);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private List<Object> types(Account recipient) {
        return inbox(recipient, false).stream().<Object>map(n -> n.get("type")).toList();
    }

    private long unreadCount(Account recipient) {
        awaitProcessed();
        return ((Number) read("/api/notifications/unread-count", recipient).get("count")).longValue();
    }
}
