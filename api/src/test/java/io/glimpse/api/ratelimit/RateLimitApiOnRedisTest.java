package io.glimpse.api.ratelimit;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits in the real Redis on 127.0.0.1:6379, as in the redis profile, under a key prefix of
 * this run's own that is deleted afterwards.
 */
@EmbeddedGlimpse
@TestPropertySource(properties = {RateLimitApiContract.ENABLED, RateLimitApiContract.ACCOUNT,
        RateLimitApiContract.ANONYMOUS, RateLimitApiContract.LOGIN, RateLimitApiContract.SIGN_UP,
        RateLimitApiContract.UPLOADS, RateLimitApiContract.BEHIND_A_PROXY, "glimpse.rate-limits.store=redis",
        "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379"})
class RateLimitApiOnRedisTest extends RateLimitApiContract {

    private static final String PREFIX = "test-rate-limits-api:" + UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void keyPrefix(DynamicPropertyRegistry properties) {
        properties.add("glimpse.rate-limits.redis-key-prefix", () -> PREFIX);
    }

    /** Another instance of Glimpse, as far as the budget goes: its own limiter on the same Redis. */
    @Test
    void anotherInstanceOnTheSameRedisSpendsTheSameBudget() {
        LettuceConnectionFactory redis = TestRedis.connect(TestRedis.PORT);
        try {
            RateLimitStore otherInstance = new RedisRateLimitStore(
                    () -> RateLimitConfiguration.connect(redis, Duration.ofSeconds(2)), PREFIX, new LocalRateLimitStore());
            RateLimit login = new RateLimit("login", Quota.valueOf(LOGIN_QUOTA));
            Account me = registerFrom(freshAddress());
            String address = freshAddress();

            assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.OK);
            assertThat(otherInstance.tryConsume(login, address).getRemainingTokens()).isEqualTo(1);
            assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.OK);
            assertThat(otherInstance.tryConsume(login, address).isConsumed()).isFalse();
            assertThat(login(me, PASSWORD, from(address))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        } finally {
            redis.destroy();
        }
    }

    @AfterAll
    static void deleteKeys() {
        TestRedis.deleteKeysUnder(PREFIX);
    }
}
