package io.glimpse.api.ratelimit;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Connections to the Redis on 127.0.0.1 made as Spring Boot makes them, and cleaning up after a test. */
final class TestRedis {

    static final int PORT = 6379;

    private TestRedis() {
    }

    /** Destroy it when done. */
    static LettuceConnectionFactory connect(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    static Set<byte[]> keysUnder(RedisConnection redis, String prefix) {
        return redis.keyCommands().keys((prefix + "*").getBytes(StandardCharsets.UTF_8));
    }

    static void deleteKeysUnder(String prefix) {
        LettuceConnectionFactory factory = connect(PORT);
        try (RedisConnection redis = factory.getConnection()) {
            Set<byte[]> keys = keysUnder(redis, prefix);
            if (keys != null && !keys.isEmpty()) {
                redis.keyCommands().del(keys.toArray(byte[][]::new));
            }
        } finally {
            factory.destroy();
        }
    }
}
