package io.glimpse.api.ratelimit;

import io.glimpse.api.support.ApiTest;
import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

/**
 * {@code glimpse.rate-limits.enabled=false} (as in the shared test setup, load tests and
 * benchmarks): more sign-ups and logins from one address than the default quotas allow (5 and 25),
 * none refused, no rate-limit fields.
 */
@EmbeddedGlimpse
class RateLimitsOffTest extends ApiTest {

    @Test
    void noLimitAppliesWhenSwitchedOff() {
        for (int i = 0; i < 6; i++) {
            String username = unique("unlimited");
            http.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "email", username + "@example.com", "password", PASSWORD))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
        for (int i = 0; i < 26; i++) {
            http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("login", "nobody", "password", "wrong password"))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().doesNotExist("RateLimit-Limit");
        }
    }
}
