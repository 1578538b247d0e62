package io.glimpse.api.ratelimit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against the real Redis on 127.0.0.1:6379 (scripts/ensure-redis.sh), through
 * Bucket4j's Lettuce buckets on clients made as Spring Boot makes them, under a key prefix of its
 * own that is deleted afterwards; and what only Redis gives: one budget for several instances.
 */
class RedisRateLimitStoreTest extends RateLimitStoreContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String prefix = "test-rate-limits:" + UUID.randomUUID() + ":";
    private final List<LettuceConnectionFactory> factories = new ArrayList<>();

    @Override
    RateLimitStore store() {
        return storeOn(TestRedis.PORT);
    }

    @Test
    void twoInstancesOnOneRedisShareOneBudget() {
        RateLimitStore one = store();
        RateLimitStore other = store();
        assertThat(one.tryConsume(LOGIN, "198.51.100.1").isConsumed()).isTrue();
        assertThat(other.tryConsume(LOGIN, "198.51.100.1").getRemainingTokens()).isEqualTo(1);
        assertThat(one.tryConsume(LOGIN, "198.51.100.1").isConsumed()).isTrue();
        assertThat(other.tryConsume(LOGIN, "198.51.100.1").isConsumed()).as("the fourth request of three").isFalse();
        assertThat(one.tryConsume(LOGIN, "198.51.100.1").isConsumed()).isFalse();
    }

    @Test
    void aBucketExpiresFromRedisOnceItWouldBeFullAgain() {
        store().tryConsume(LOGIN, "198.51.100.2");
        try (RedisConnection redis = factories.get(0).getConnection()) {
            Set<byte[]> keys = TestRedis.keysUnder(redis, prefix);
            assertThat(keys).hasSize(1);
            String key = new String(keys.iterator().next(), StandardCharsets.UTF_8);
            assertThat(key).isEqualTo(prefix + "login:3/3600s:198.51.100.2");
            Long ttl = redis.keyCommands().pTtl(keys.iterator().next());
            assertThat(Duration.ofMillis(ttl)).as("a third of an hour to refill one token, plus a margin")
                    .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21));
        }
    }

    @Test
    void withoutRedisLimitsStillHoldInMemory() throws IOException {
        RateLimitStore store = storeOn(unusedPort());
        exhaust(store, LOGIN, "198.51.100.3");
        assertThat(store.tryConsume(LOGIN, "198.51.100.4").isConsumed()).isTrue();
    }

    private RateLimitStore storeOn(int port) {
        LettuceConnectionFactory factory = TestRedis.connect(port);
        factories.add(factory);
        return new RedisRateLimitStore(() -> RateLimitConfiguration.connect(factory, TIMEOUT), prefix,
                new LocalRateLimitStore());
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void deleteKeysAndDisconnect() {
        TestRedis.deleteKeysUnder(prefix);
        factories.forEach(LettuceConnectionFactory::destroy);
    }
}
