package io.glimpse.api.cluster;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Glimpse-Consistency header on one node: every write that stored events answers with one,
 * later writes with later ones; a read that carries one is answered with the write in it
 * (docs/architecture.md, "Read-your-writes"); a malformed one is 400 problem+json, a forged
 * future one is bounded by the newest event.
 */
@EmbeddedGlimpse
class ConsistencyTokenOnEmbeddedTest extends ApiTest {

    @Test
    void writesAnswerATokenThatReadsWaitFor() {
        Account author = register("token");
        Account fan = register("token_fan");
        var creation = http.post().uri("/api/posts").headers(author.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("caption", "Tokened")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        String created = creation.getResponseHeaders().getFirst(ConsistencyToken.HEADER);
        String id = (String) creation.getResponseBody().get("id");
        String liked = http.post().uri("/api/posts/" + id + "/likes").headers(fan.bearer()).exchange()
                .expectStatus().isNoContent()
                .returnResult().getResponseHeaders().getFirst(ConsistencyToken.HEADER);
        assertThat(Long.parseLong(liked)).isGreaterThan(Long.parseLong(created));

        // The author's notification is not waited for by the like itself; with the token it is there.
        Map<?, ?> notifications = http.get().uri("/api/notifications").headers(author.bearer())
                .header(ConsistencyToken.HEADER, liked).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((java.util.List<?>) notifications.get("items")).hasSize(1);
    }

    @Test
    void aMalformedTokenIsABadRequestAndAForgedOneIsBounded() {
        Account reader = register("token_reader");
        for (String malformed : new String[]{"soon", "-1", "1e9", ""}) {
            http.get().uri("/api/auth/me").headers(reader.bearer()).header(ConsistencyToken.HEADER, malformed).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        long began = System.nanoTime();
        http.get().uri("/api/auth/me").headers(reader.bearer()).header(ConsistencyToken.HEADER, Long.toString(Long.MAX_VALUE))
                .exchange().expectStatus().isOk();
        assertThat((System.nanoTime() - began) / 1_000_000).as("a token past the newest event waits for that one").isLessThan(4_000);
    }
}
