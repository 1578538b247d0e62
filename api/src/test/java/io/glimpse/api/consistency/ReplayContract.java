package io.glimpse.api.consistency;

import io.glimpse.api.support.ApiTest;
import io.glimpse.processing.Processors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resetting the users projection rebuilds its read model (profiles, follows, blocks and their
 * counters) from the first event, identical to the first build. Also guards against
 * AxonFramework#4160: a replay token that the Jackson 3 serializer cannot read back would leave
 * the projection empty forever.
 */
public abstract class ReplayContract extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theUsersProjectionRebuildsProfilesFollowsBlocksAndCountsIdentically() {
        Account kept = register("kept");
        Account edited = register("edited");
        Account fan = register("fan");
        for (Account followed : List.of(kept, edited)) {
            http.post().uri("/api/users/" + followed.username() + "/follow").headers(fan.bearer()).exchange()
                    .expectStatus().isNoContent();
        }
        http.post().uri("/api/users/" + fan.username() + "/follow").headers(kept.bearer()).exchange()
                .expectStatus().isNoContent();
        http.post().uri("/api/users/" + fan.username() + "/block").headers(edited.bearer()).exchange()
                .expectStatus().isNoContent();
        http.patch().uri("/api/users/" + edited.username()).headers(edited.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "before the replay"))
                .exchange().expectStatus().isOk();
        Account deleted = register("gone");
        http.post().uri("/api/users/" + kept.username() + "/follow").headers(deleted.bearer()).exchange()
                .expectStatus().isNoContent();
        http.delete().uri("/api/users/" + deleted.username()).headers(deleted.bearer()).exchange()
                .expectStatus().isNoContent();
        awaitProcessed();
        List<List<Map<String, Object>>> firstBuild = readModel();
        assertThat(firstBuild.get(0)).filteredOn(row -> kept.id().equals(row.get("id")))
                .singleElement().satisfies(row -> assertThat(((Number) row.get("followers_count")).intValue()).isEqualTo(1));
        // Rows the events do not explain: only a real rebuild makes them right again.
        jdbc.sql("update user_view set bio = 'corrupted', followers_count = 99 where id = ?").param(kept.id()).update();
        jdbc.sql("delete from user_follow where follower_id = ?").param(fan.id()).update();

        StreamingEventProcessor users = replay("users-projection");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(users.isReplaying()).isFalse();
            assertThat(readModel()).isEqualTo(firstBuild);
        });
        http.get().uri("/api/users/" + deleted.username()).exchange().expectStatus().isNotFound();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", kept.username(), "password", PASSWORD))
                .exchange().expectStatus().isOk();
    }

    @Test
    void postsEngagementAndNotificationsRebuildIdenticallyAndReadMarksSurvive() {
        Account author = register("author");
        Account fan = register("fan");
        Account friend = register("friend");
        String postId = post(author, "Replay me #again with @" + friend.username());
        String other = post(author, "Second");
        String commentId = (String) http.post().uri("/api/posts/" + postId + "/comments").headers(fan.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "First!")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (Account liker : List.of(fan, friend)) {
            http.post().uri("/api/posts/" + postId + "/likes").headers(liker.bearer()).exchange()
                    .expectStatus().isNoContent();
        }
        http.post().uri("/api/posts/" + postId + "/comments/" + commentId + "/likes").headers(author.bearer())
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/posts/" + other).headers(author.bearer()).exchange().expectStatus().isNoContent();
        http.post().uri("/api/notifications/mark-all-read").headers(friend.bearer()).exchange()
                .expectStatus().isNoContent();
        awaitProcessed();
        List<List<Map<String, Object>>> firstBuild = postsAndNotifications();
        long authorsUnread = unread(author);
        jdbc.sql("update post_view set likes_count = 99, comments_count = 99").update();
        jdbc.sql("delete from notification where recipient_id = ?").param(author.id()).update();

        List<StreamingEventProcessor> rebuilt = List.of("posts-projection", "notifications-projection").stream()
                .map(this::replay)
                .toList();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rebuilt).noneMatch(StreamingEventProcessor::isReplaying);
            assertThat(postsAndNotifications()).isEqualTo(firstBuild);
        });
        assertThat(read("/api/posts/" + postId, fan)).containsEntry("likesCount", 2).containsEntry("commentsCount", 1)
                .containsEntry("likedByMe", true);
        assertThat(unread(author)).isEqualTo(authorsUnread).isPositive();
        assertThat(unread(friend)).isZero();
    }

    /**
     * A mention names whoever has that username when the post is handled: someone who registers
     * it later was not notified, and a replay (when the users read model already has them) must
     * not notify them either.
     */
    @Test
    void aMentionOfSomeoneWhoRegisteredLaterStaysUnnotifiedThroughAReplay() {
        Account author = register("mentioner");
        Account early = register("early");
        String latecomer = unique("latecomer");
        post(author, "Hello @" + early.username() + " and @" + latecomer);
        Account late = registerExactly(latecomer);
        awaitProcessed();
        assertThat(mentionsOf(early)).isEqualTo(1);
        assertThat(mentionsOf(late)).isZero();

        StreamingEventProcessor notifications = replay("notifications-projection");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notifications.isReplaying()).isFalse();
            assertThat(mentionsOf(early)).isEqualTo(1);
        });
        assertThat(mentionsOf(late)).isZero();
    }

    private long mentionsOf(Account account) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and type = 'MENTION'")
                .param(account.id()).query(Long.class).single();
    }

    /**
     * The sources the timeline processor keeps through a replay hold what later events wrote: a
     * follower who came after a post, a follow that was undone. The rebuild still fans each post
     * out to the followers its author had then, celebrity or not.
     */
    @Test
    void timelinesRebuildIdenticallyThoughTheirSourcesAlreadyHoldLaterFollows() {
        Account author = register("tl_author");
        Account other = register("tl_other");
        List<Account> fans = registerMany("tl_fan", CELEBRITY_THRESHOLD + 1);
        fans.subList(0, CELEBRITY_THRESHOLD).forEach(fan -> startFollowing(fan, author));
        String beforeTheFourthFan = post(author, "Fanned out to three");
        startFollowing(fans.get(CELEBRITY_THRESHOLD), author);
        post(author, "A celebrity's, merged in when read");
        post(other, "Backfilled by a later follow");
        startFollowing(fans.get(0), other);
        post(other, "Fanned out to the new follower");
        http.delete().uri("/api/users/" + author.username() + "/follow").headers(fans.get(1).bearer()).exchange()
                .expectStatus().isNoContent();
        List<UUID> everyone = java.util.stream.Stream.concat(java.util.stream.Stream.of(author, other), fans.stream())
                .map(Account::id).toList();
        awaitProcessed();
        List<List<Map<String, Object>>> firstBuild = timelines(everyone);
        assertThat(firstBuild.get(0)).filteredOn(row -> fans.get(CELEBRITY_THRESHOLD).id().equals(row.get("owner_id")))
                .noneMatch(row -> beforeTheFourthFan.equals(row.get("post_id").toString()));

        StreamingEventProcessor timeline = replay("timeline-projection");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(timeline.isReplaying()).isFalse();
            assertThat(timelines(everyone)).isEqualTo(firstBuild);
        });
    }

    /** This test's rows only: other tests' projections may have written rows no event explains. */
    private List<List<Map<String, Object>>> timelines(List<UUID> users) {
        return java.util.stream.Stream.of(
                        "select * from timeline_entry where owner_id in (:users) order by owner_id, created_at, post_id",
                        "select * from timeline_follow where follower_id in (:users) order by follower_id, followee_id",
                        "select * from timeline_post where author_id in (:users) order by post_id")
                .map(sql -> jdbc.sql(sql).param("users", users).query().listOfRows())
                .toList();
    }

    /** Resets the processor to the first event and starts it again, as an admin's replay does. */
    private StreamingEventProcessor replay(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        Processors.replay(processor);
        return processor;
    }

    private long unread(Account account) {
        return ((Number) read("/api/notifications/unread-count", account).get("count")).longValue();
    }

    private List<List<Map<String, Object>>> postsAndNotifications() {
        return java.util.stream.Stream.of(
                        "select * from post_view order by id",
                        "select * from post_tag order by post_id, tag",
                        "select * from comment_view order by id",
                        "select * from post_like order by post_id, user_id",
                        "select * from comment_like order by comment_id, user_id",
                        "select * from notification order by id")
                .map(sql -> jdbc.sql(sql).query().listOfRows())
                .toList();
    }

    private List<List<Map<String, Object>>> readModel() {
        return List.of(
                jdbc.sql("select * from user_view order by id").query().listOfRows(),
                jdbc.sql("select * from user_follow order by follower_id, followee_id").query().listOfRows(),
                jdbc.sql("select * from user_block order by blocker_id, blocked_id").query().listOfRows());
    }
}
