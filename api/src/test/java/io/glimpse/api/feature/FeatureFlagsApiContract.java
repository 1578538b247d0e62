package io.glimpse.api.feature;

import io.glimpse.api.support.ApiTest;
import io.glimpse.processing.Processors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Feature flags end to end: the admin API, the history, a user's set, the gate, and a replay. */
public abstract class FeatureFlagsApiContract extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAdminsReachTheFlags() {
        Account user = register("ff_user");
        http.get().uri("/api/admin/features").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/admin/features").headers(user.bearer()).exchange().expectStatus().isForbidden();
        http.post().uri("/api/admin/features").headers(user.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", unique("nope"))).exchange().expectStatus().isForbidden();
        http.get().uri("/api/admin/features").headers(admin().bearer()).exchange().expectStatus().isOk();
        http.get().uri("/api/features").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyChangeIsInTheHistoryWithItsAdminAndARevertRestoresAnEarlierState() {
        Account admin = admin();
        Account ann = register("ff_ann");
        Account bob = register("ff_bob");
        String flag = flagName();
        Map<String, Object> created = http.post().uri("/api/admin/features").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", flag, "description", "A new feed"))
                .exchange().expectStatus().isCreated()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(created).containsEntry("enabled", false).containsEntry("percentage", 0).containsEntry("version", 1);
        put(admin, "/api/admin/features/" + flag + "/whitelist/" + ann.id(), null);
        put(admin, "/api/admin/features/" + flag + "/rollout", Map.of("percentage", 10));
        put(admin, "/api/admin/features/" + flag + "/enabled", Map.of("enabled", true));
        put(admin, "/api/admin/features/" + flag + "/rollout", Map.of("percentage", 80));
        put(admin, "/api/admin/features/" + flag + "/blocklist/" + bob.id(), null);
        Map<String, Object> latest = http.delete().uri("/api/admin/features/" + flag + "/whitelist/" + ann.id())
                .headers(admin.bearer()).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(latest).containsEntry("version", 7).containsEntry("percentage", 80)
                .containsEntry("whitelist", List.of()).containsEntry("blocklist", List.of(bob.id().toString()));

        Map<String, Object> reverted = http.post().uri("/api/admin/features/" + flag + "/revert").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", 4)).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();

        assertThat(reverted).containsEntry("version", 8).containsEntry("enabled", true).containsEntry("percentage", 10)
                .containsEntry("whitelist", List.of(ann.id().toString())).containsEntry("blocklist", List.of());
        List<Map<String, Object>> history = history(admin, flag);
        assertThat(history).extracting(change -> change.get("change")).containsExactly("created", "whitelist-added",
                "rollout", "enabled", "rollout", "blocklist-added", "whitelist-removed", "reverted");
        assertThat(history).extracting(change -> change.get("version")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(history).allSatisfy(change -> {
            assertThat(change).containsEntry("changedBy", admin.id().toString());
            assertThat(change.get("changedAt")).isNotNull();
        });
        assertThat(history.get(2)).containsEntry("detail", "10%");
    }

    @Test
    void badInputIsAProblemAndUnknownFlagsAreNotFound() {
        Account admin = admin();
        String flag = flagName();
        create(admin, flag);
        http.post().uri("/api/admin/features").headers(admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", flag)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri("/api/admin/features").headers(admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Not A Name")).exchange().expectStatus().isBadRequest();
        http.put().uri("/api/admin/features/" + flag + "/rollout").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("percentage", 101)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/admin/features/" + flag + "/revert").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", 9)).exchange()
                .expectStatus().isBadRequest();
        http.put().uri("/api/admin/features/" + flag + "/whitelist/not-a-uuid").headers(admin.bearer()).exchange()
                .expectStatus().isBadRequest();
        http.get().uri("/api/admin/features/" + flagName()).headers(admin.bearer()).exchange().expectStatus().isNotFound();
        http.put().uri("/api/admin/features/" + flagName() + "/rollout").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("percentage", 5)).exchange()
                .expectStatus().isNotFound();

        http.delete().uri("/api/admin/features/" + flag).headers(admin.bearer()).exchange().expectStatus().isNoContent();

        http.get().uri("/api/admin/features/" + flag).headers(admin.bearer()).exchange().expectStatus().isNotFound();
        assertThat(history(admin, flag)).extracting(change -> change.get("change")).containsExactly("created", "deleted");
    }

    /**
     * The search autocomplete is gated by its flag: on for all while the flag does not exist, off
     * for all once it is created, then on for its whitelist, never for its blocklist, and for
     * everyone at 100%.
     */
    @Test
    void theAutocompleteFollowsItsFlagAndUsersSeeTheirOwnSet() {
        Account admin = admin();
        Account tester = register("ff_tester");
        Account other = register("ff_other");
        Account blocked = register("ff_blocked");
        String flag = FeatureGate.SEARCH_AUTOCOMPLETE;
        assertThat(autocomplete(other)).isEqualTo(HttpStatus.OK);
        try {
            create(admin, flag);
            assertThat(autocomplete(other)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(autocomplete(tester)).isEqualTo(HttpStatus.NOT_FOUND);
            put(admin, "/api/admin/features/" + flag + "/whitelist/" + tester.id(), null);
            put(admin, "/api/admin/features/" + flag + "/enabled", Map.of("enabled", true));
            assertThat(autocomplete(tester)).isEqualTo(HttpStatus.OK);
            assertThat(autocomplete(other)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(enabledFor(tester)).contains(flag);
            assertThat(enabledFor(other)).doesNotContain(flag);

            put(admin, "/api/admin/features/" + flag + "/blocklist/" + blocked.id(), null);
            put(admin, "/api/admin/features/" + flag + "/whitelist/" + blocked.id(), null);
            put(admin, "/api/admin/features/" + flag + "/rollout", Map.of("percentage", 100));

            assertThat(autocomplete(other)).isEqualTo(HttpStatus.OK);
            assertThat(autocomplete(blocked)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(enabledFor(blocked)).doesNotContain(flag);
            http.get().uri("/api/search/autocomplete?q=ab").exchange().expectStatus().isNotFound();
        } finally {
            http.delete().uri("/api/admin/features/" + flag).headers(admin.bearer()).exchange().expectStatus().isNoContent();
        }
        assertThat(autocomplete(blocked)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aReplayRebuildsTheSameFlagsListsAndHistory() {
        Account admin = admin();
        Account ann = register("ff_replay");
        String kept = flagName();
        String gone = flagName();
        create(admin, kept);
        put(admin, "/api/admin/features/" + kept + "/rollout", Map.of("percentage", 30));
        put(admin, "/api/admin/features/" + kept + "/whitelist/" + ann.id(), null);
        put(admin, "/api/admin/features/" + kept + "/enabled", Map.of("enabled", true));
        http.post().uri("/api/admin/features/" + kept + "/revert").headers(admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", 3)).exchange().expectStatus().isOk();
        create(admin, gone);
        put(admin, "/api/admin/features/" + gone + "/blocklist/" + ann.id(), null);
        http.delete().uri("/api/admin/features/" + gone).headers(admin.bearer()).exchange().expectStatus().isNoContent();
        List<List<Map<String, Object>>> firstBuild = readModel();
        assertThat(firstBuild.get(0)).isNotEmpty();
        jdbc.sql("update feature_flag_view set percentage = 99").update();
        jdbc.sql("delete from feature_flag_change where flag = ?").param(kept).update();

        StreamingEventProcessor flags = processing.eventProcessor("feature-flags-projection", StreamingEventProcessor.class)
                .orElseThrow();
        Processors.replay(flags);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(flags.isReplaying()).isFalse();
            assertThat(readModel()).isEqualTo(firstBuild);
        });
    }

    private List<List<Map<String, Object>>> readModel() {
        return java.util.stream.Stream.of(
                        "select * from feature_flag_view order by name",
                        "select * from feature_flag_member order by flag, list, user_id",
                        "select * from feature_flag_change order by flag, version")
                .map(sql -> jdbc.sql(sql).query().listOfRows())
                .toList();
    }

    private static final Class<Map<String, Object>> MAP = mapType();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    private static String flagName() {
        return unique("flag").toLowerCase();
    }

    private void create(Account admin, String flag) {
        http.post().uri("/api/admin/features").headers(admin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", flag)).exchange().expectStatus().isCreated();
    }

    private void put(Account admin, String uri, Object body) {
        var request = http.put().uri(uri).headers(admin.bearer());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        request.exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(Account admin, String flag) {
        return http.get().uri("/api/admin/features/" + flag + "/history").headers(admin.bearer()).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private HttpStatus autocomplete(Account user) {
        return HttpStatus.valueOf(http.get().uri("/api/search/autocomplete?q=ab").headers(user.bearer()).exchange()
                .returnResult(Void.class).getStatus().value());
    }

    @SuppressWarnings("unchecked")
    private List<String> enabledFor(Account user) {
        return (List<String>) read("/api/features", user).get("enabled");
    }
}
