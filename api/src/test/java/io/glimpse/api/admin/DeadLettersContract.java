package io.glimpse.api.admin;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.PoisonProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler that fails parks its event (and the later events of the same aggregate) while the
 * rest of the stream goes on; it is retried by itself a few times, then waits for an admin, who
 * can retry or evict it. The poison processor ({@link PoisonProcessor}, in every test context)
 * retries once, one second after a failure.
 */
public abstract class DeadLettersContract extends ApiTest {

    @Autowired
    PoisonProcessor poison;

    @BeforeEach
    void poisonAgain() {
        poison.healed = false;
    }

    @Test
    void aPoisonEventIsParkedWithItsSequenceRetriedOnceThenRetriedOrEvictedByAnAdmin() {
        Account admin = admin();
        Account author = register("poisoner");
        String poisoned = post(author, "A poison pill");
        http.patch().uri("/api/posts/" + poisoned).headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", "Still a poison pill")).exchange().expectStatus().isOk();
        String healthy = post(author, "Wholesome");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(poison.handled).as("the rest of the stream goes on").contains("created:" + healthy);
            assertThat(letters(admin)).extracting(letter -> letter.get("eventType"))
                    .as("the failed event and the later one of the same post, in order")
                    .containsExactly("PostCreated", "PostEdited");
        });
        Map<String, Object> first = letters(admin).get(0);
        assertThat(first).containsEntry("processor", PoisonProcessor.NAME).containsEntry("aggregateId", poisoned)
                .containsEntry("causeType", IllegalStateException.class.getName());
        assertThat((String) first.get("causeMessage")).contains("Poisoned");
        assertThat(poison.handled).doesNotContain("edited:" + poisoned);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(letters(admin).get(0).get("failures")).as("retried once by itself").isEqualTo(2));
        assertThat(metrics()).contains("glimpse_dead_letters{processor=\"" + PoisonProcessor.NAME + "\"} 2.0");
        assertThat(read("/api/admin/projections/" + PoisonProcessor.NAME, admin)).containsEntry("deadLetters", 2);

        String id = (String) first.get("id");
        http.post().uri("/api/admin/dead-letters/" + PoisonProcessor.NAME + "/" + id + "/retry").headers(admin.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.handled").isEqualTo(false);
        assertThat(letters(admin).get(0).get("failures")).isEqualTo(3);

        poison.healed = true;
        http.post().uri("/api/admin/dead-letters/" + PoisonProcessor.NAME + "/" + id + "/retry").headers(admin.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.handled").isEqualTo(true);
        assertThat(letters(admin)).isEmpty();
        assertThat(poison.handled).containsSubsequence("created:" + poisoned, "edited:" + poisoned);
        http.post().uri("/api/admin/dead-letters/" + PoisonProcessor.NAME + "/" + id + "/retry").headers(admin.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void anAdminCanEvictAParkedEventForGood() {
        Account admin = admin();
        String poisoned = post(register("evicted"), "Another poison pill");
        await().atMost(Duration.ofSeconds(20)).until(() -> letters(admin).size() == 1);
        String id = (String) letters(admin).get(0).get("id");

        http.delete().uri("/api/admin/dead-letters/" + PoisonProcessor.NAME + "/" + id).headers(admin.bearer())
                .exchange().expectStatus().isNoContent();
        assertThat(letters(admin)).isEmpty();
        assertThat(poison.handled).doesNotContain("created:" + poisoned);
        http.delete().uri("/api/admin/dead-letters/" + PoisonProcessor.NAME + "/" + id).headers(admin.bearer())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/api/admin/dead-letters/no-such-processor/" + id).headers(admin.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> letters(Account admin) {
        return (List<Map<String, Object>>) read("/api/admin/dead-letters?processor=" + PoisonProcessor.NAME, admin)
                .get("items");
    }

    private String metrics() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }
}
