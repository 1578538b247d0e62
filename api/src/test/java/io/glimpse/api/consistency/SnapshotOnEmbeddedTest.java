package io.glimpse.api.consistency;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import io.glimpse.command.comment.Comment;
import io.glimpse.command.like.CommentLike;
import io.glimpse.command.like.PostLike;
import io.glimpse.command.post.Post;
import io.glimpse.command.social.Relationship;
import io.glimpse.command.user.User;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pair of users that follow and unfollow again and again gets its aggregate snapshotted, and the
 * aggregate loaded from the snapshot still knows its state: a repeated follow stays a no-op. Every
 * other snapshotted aggregate is also loaded from a snapshot and keeps its state. Without the cache
 * of recent aggregates, which would otherwise answer every load here.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = "glimpse.aggregates.cache-size=0")
class SnapshotOnEmbeddedTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Snapshotter snapshotter;

    @Test
    void aRelationshipToggledOverAHundredTimesIsLoadedFromASnapshotWithItsState() {
        Account fan = register("toggler");
        Account idol = register("toggled");
        for (int i = 0; i < 51; i++) {
            startFollowing(fan, idol);
            http.delete().uri("/api/users/" + idol.username() + "/follow").headers(fan.bearer()).exchange()
                    .expectStatus().isNoContent();
        }
        startFollowing(fan, idol);
        String aggregate = jdbc.sql("select aggregate_identifier from domain_event_entry where payload_type like ?"
                        + " order by global_index desc limit 1")
                .param("%UserFollowed").query(String.class).single();
        assertThat(jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(Long.class).single()).as("snapshotted").isPositive();
        long events = eventsOf(aggregate);

        startFollowing(fan, idol);
        assertThat(eventsOf(aggregate)).as("already following, as the snapshot remembers").isEqualTo(events);
        assertThat(profile(idol.username(), fan)).containsEntry("followersCount", 1).containsEntry("followedByMe", true);
        http.delete().uri("/api/users/" + idol.username() + "/follow").headers(fan.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(eventsOf(aggregate)).isEqualTo(events + 1);
        assertThat(profile(idol.username(), fan)).containsEntry("followersCount", 0);
    }

    @Test
    void everySnapshottedAggregateIsLoadedFromItsSnapshotWithItsState() {
        // Each aggregate gets two events or more: Axon snapshots only what replaces more than one.
        Account author = register("snap_author");
        Account reader = register("snap_reader");
        patch("/api/users/" + author.username(), author, Map.of("bio", "before the snapshot"));
        patch("/api/users/" + reader.username(), reader, Map.of("bio", "reading"));
        toggle("/api/users/" + author.username() + "/follow", reader);
        String follow = newestAggregateOf(Relationship.class);
        String post = post(author, "before the snapshot");
        String postUri = "/api/posts/" + post;
        patch(postUri, author, Map.of("caption", "edited before the snapshot"));
        String comment = (String) http.post().uri(postUri + "/comments").headers(reader.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "first")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String commentUri = postUri + "/comments/" + comment;
        patch(commentUri, reader, Map.of("text", "edited before the snapshot"));
        toggle(postUri + "/likes", reader);
        toggle(commentUri + "/likes", author);
        Account blocker = register("snap_blocker");
        toggle("/api/users/" + reader.username() + "/block", blocker);
        String block = newestAggregateOf(Relationship.class);

        snapshot(User.class, author.id().toString());
        snapshot(User.class, reader.id().toString());
        snapshot(Post.class, post);
        snapshot(Comment.class, comment);
        snapshot(Relationship.class, follow);
        snapshot(Relationship.class, block);
        snapshot(PostLike.class, newestAggregateOf(PostLike.class));
        snapshot(CommentLike.class, newestAggregateOf(CommentLike.class));

        long lastEvent = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        startFollowing(reader, author);
        http.post().uri(postUri + "/likes").headers(reader.bearer()).exchange().expectStatus().is2xxSuccessful();
        http.post().uri(commentUri + "/likes").headers(author.bearer()).exchange().expectStatus().is2xxSuccessful();
        patch("/api/users/" + author.username(), author, Map.of("bio", "before the snapshot"));
        assertThat(jdbc.sql("select payload_type from domain_event_entry where global_index > ?")
                .param(lastEvent).query(String.class).list())
                .as("repeated follow and likes and an unchanged bio are no-ops, as the snapshots remember")
                .isEmpty();

        http.post().uri("/api/users/" + blocker.username() + "/follow").headers(reader.bearer()).exchange()
                .expectStatus().isForbidden();

        patch("/api/users/" + author.username(), author, Map.of("bio", "after the snapshot"));
        patch(postUri, author, Map.of("caption", "edited after the snapshot"));
        patch(commentUri, reader, Map.of("text", "edited after the snapshot"));
        http.delete().uri(postUri + "/likes").headers(reader.bearer()).exchange().expectStatus().isNoContent();
        http.delete().uri(commentUri + "/likes").headers(author.bearer()).exchange().expectStatus().isNoContent();
        assertThat(profile(author.username(), reader)).containsEntry("bio", "after the snapshot")
                .containsEntry("followedByMe", true);
        assertThat(read(postUri, reader)).containsEntry("caption", "edited after the snapshot")
                .containsEntry("likesCount", 0);
        assertThat(read(commentUri, author)).containsEntry("text", "edited after the snapshot")
                .containsEntry("likesCount", 0);
    }

    private void snapshot(Class<?> type, String aggregate) {
        snapshotter.scheduleSnapshot(type, aggregate);
        await().untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(Long.class).single()).as("snapshot of %s", type.getSimpleName()).isOne());
    }

    /** The aggregate of this type that most recently had an event (this test's, as tests run one by one). */
    private String newestAggregateOf(Class<?> type) {
        return jdbc.sql("select aggregate_identifier from domain_event_entry where type = ?"
                        + " order by global_index desc limit 1")
                .param(type.getSimpleName()).query(String.class).single();
    }

    /** Does, undoes and does again the write at {@code uri} (follow, like). */
    private void toggle(String uri, Account actor) {
        http.post().uri(uri).headers(actor.bearer()).exchange().expectStatus().is2xxSuccessful();
        http.delete().uri(uri).headers(actor.bearer()).exchange().expectStatus().isNoContent();
        http.post().uri(uri).headers(actor.bearer()).exchange().expectStatus().is2xxSuccessful();
    }

    private void patch(String uri, Account owner, Map<String, Object> body) {
        http.patch().uri(uri).headers(owner.bearer()).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk();
    }

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(Long.class).single();
    }
}
