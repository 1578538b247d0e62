package io.glimpse.api.consistency;

import io.glimpse.GlimpseApplication;
import io.glimpse.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps everything in its data directory: stopping and starting again keeps
 * every account and every issued token, and the projections carry on from where they were instead
 * of replaying from scratch.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void accountsAndTokensSurviveARestartAndProjectionsAreNotReplayed() {
        Map<?, ?> session;
        try (ConfigurableApplicationContext app = start()) {
            session = client(app).post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", "survivor", "email", "survivor@example.com", "password", ApiTest.PASSWORD))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            // Changed behind the projection's back: a replay on the next start would undo this.
            app.getBean(JdbcClient.class).sql("update user_view set bio = 'not from an event'").update();
        }

        try (ConfigurableApplicationContext app = start()) {
            RestTestClient http = client(app);
            http.get().uri("/api/users/survivor").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.bio").isEqualTo("not from an event");
            http.get().uri("/api/auth/me").headers(h -> h.setBearerAuth((String) session.get("accessToken")))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("login", "survivor", "password", ApiTest.PASSWORD))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", "newcomer", "email", "newcomer@example.com", "password", ApiTest.PASSWORD))
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.user.username").isEqualTo("newcomer");
            assertThat(app.getBean(JdbcClient.class).sql("select count(*) from user_view").query(Long.class).single())
                    .isEqualTo(2);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GlimpseApplication.class)
                .run("--server.port=0", "--glimpse.data-dir=" + dataDir);
    }

    private static RestTestClient client(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
