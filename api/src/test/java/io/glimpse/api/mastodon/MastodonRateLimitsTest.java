package io.glimpse.api.mastodon;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mastodon API under Glimpse's rate limits: the token endpoint spends the login budget (no
 * password guessing through the password grant), refusals are Mastodon's {@code {"error"}} with
 * {@code Retry-After}, and answers carry {@code X-RateLimit-*} beside {@code RateLimit-*}.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = {"glimpse.rate-limits.enabled=true", "glimpse.rate-limits.login=3/1h",
        "glimpse.rate-limits.anonymous=50/1h", "glimpse.rate-limits.account=50/1h",
        "glimpse.rate-limits.sign-up=50/1h", "server.forward-headers-strategy=native"})
class MastodonRateLimitsTest extends ApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theTokenEndpointSpendsTheLoginBudgetAndAnswersAsMastodon() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        Map<String, Object> app = http.post().uri("/api/v1/apps").header("X-Forwarded-For", "198.51.100.7")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("client_name", "limits", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", "read"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> guess = Map.of("grant_type", "password", "username", "nobody_" + UUID.randomUUID(),
                "password", "guess guess guess", "client_id", app.get("client_id"),
                "client_secret", app.get("client_secret"));
        for (int i = 0; i < 3; i++) {
            EntityExchangeResult<Void> refused = http.post().uri("/oauth/token").header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_JSON).body(guess).exchange()
                    .expectStatus().isBadRequest().returnResult(Void.class);
            assertThat(refused.getResponseHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(Instant.parse(refused.getResponseHeaders().getFirst("X-RateLimit-Reset"))).isAfter(Instant.now());
        }
        EntityExchangeResult<Map> limited = http.post().uri("/oauth/token").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).body(guess).exchange()
                .expectStatus().isEqualTo(429).expectBody(Map.class).returnResult();
        assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.getResponseBody()).containsOnlyKeys("error");

        List<?> statuses = http.get().uri("/api/v1/timelines/public").header("X-Forwarded-For", address).exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-RateLimit-Limit")
                .expectHeader().exists("RateLimit-Limit")
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(statuses).isNotNull();
    }
}
