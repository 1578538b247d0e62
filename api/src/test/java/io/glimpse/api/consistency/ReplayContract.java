package io.glimpse.api.consistency;

import io.glimpse.api.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resetting the users projection rebuilds its read model from the first event, identical to the
 * first build. Also guards against AxonFramework#4160: a replay token that the Jackson 3
 * serializer cannot read back would leave the projection empty forever.
 */
public abstract class ReplayContract extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theUsersProjectionRebuildsIdenticallyFromTheEventStore() {
        Account kept = register("kept");
        Account edited = register("edited");
        http.patch().uri("/api/users/" + edited.username()).headers(edited.bearer())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("bio", "before the replay"))
                .exchange().expectStatus().isOk();
        Account deleted = register("gone");
        http.delete().uri("/api/users/" + deleted.username()).headers(deleted.bearer()).exchange()
                .expectStatus().isNoContent();
        List<Map<String, Object>> firstBuild = usersTable();
        // A row the events do not explain: only a real rebuild makes it right again.
        jdbc.sql("update user_view set bio = 'corrupted' where id = ?").param(kept.id()).update();

        StreamingEventProcessor users = processing
                .eventProcessor("users-projection", StreamingEventProcessor.class).orElseThrow();
        users.shutDown();
        users.resetTokens();
        users.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(users.isReplaying()).isFalse();
            assertThat(usersTable()).isEqualTo(firstBuild);
        });
        http.get().uri("/api/users/" + deleted.username()).exchange().expectStatus().isNotFound();
        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("login", kept.username(), "password", PASSWORD))
                .exchange().expectStatus().isOk();
    }

    private List<Map<String, Object>> usersTable() {
        return jdbc.sql("select * from user_view order by id").query().listOfRows();
    }
}
