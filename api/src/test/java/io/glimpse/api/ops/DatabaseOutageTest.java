package io.glimpse.api.ops;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.PostgresGlimpse;
import io.glimpse.reliability.PrivatePostgres;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database stops (as in a crash) and comes back while the application runs: meanwhile
 * requests that need it get 503 problem+json with Retry-After, from a controller and from the
 * authentication filter alike, within Hikari's 5 s; afterwards writes succeed again by
 * themselves and are readable at once (the event processors do not sit out Axon's back-off).
 * On a PostgreSQL cluster of its own (never the shared one, which other tests use).
 */
@PostgresGlimpse
@DirtiesContext
class DatabaseOutageTest extends ApiTest {

    private static final PrivatePostgres POSTGRES = startPostgres();

    private static PrivatePostgres startPostgres() {
        try {
            PrivatePostgres postgres = new PrivatePostgres();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503AndAfterwardsWritesSucceedByThemselves() throws Exception {
        Account author = register("outage");
        String before = post(author, "Before the outage");

        POSTGRES.stopImmediately();
        try {
            Thread.sleep(1_100); // the remembered session expires: the filter must ask the database
            expectUnavailable(http.post().uri("/api/posts").headers(author.bearer())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("caption", "During the outage")).exchange());
            expectUnavailable(http.get().uri("/api/posts/" + before).exchange());
            expectUnavailable(http.get().uri("/api/auth/me").headers(author.bearer()).exchange());
        } finally {
            POSTGRES.start();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                http.get().uri("/api/auth/me").headers(author.bearer()).exchange().returnResult(Void.class)
                        .getStatus().is2xxSuccessful());
        String after = post(author, "After the outage");
        assertThat(read("/api/posts/" + after, author)).containsEntry("caption", "After the outage");
        assertThat(read("/api/users/" + author.username(), null)).containsEntry("postsCount", 2);
    }

    private static void expectUnavailable(RestTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.instance").isNotEmpty();
    }
}
