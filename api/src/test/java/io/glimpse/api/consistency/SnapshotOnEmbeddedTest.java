package io.glimpse.api.consistency;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pair of users that follow and unfollow again and again gets its aggregate snapshotted, and the
 * aggregate loaded from the snapshot still knows its state: a repeated follow stays a no-op.
 */
@EmbeddedGlimpse
class SnapshotOnEmbeddedTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

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

    private long eventsOf(String aggregate) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregate).query(Long.class).single();
    }
}
