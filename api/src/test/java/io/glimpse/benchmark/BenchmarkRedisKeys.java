package io.glimpse.benchmark;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's Redis keys live under a prefix of its own, and are deleted when it ends: the
 * Redis on 127.0.0.1:6379 is the test suite's too, and a fan-out benchmark alone leaves a million
 * timelines, which made every SCAN of the tests after it take a second.
 */
final class BenchmarkRedisKeys {

    private BenchmarkRedisKeys() {
    }

    /** A prefix no other run uses, such as {@code bench-fanout-123456:}. */
    static String prefix(String benchmark) {
        return "bench-" + benchmark + "-" + System.nanoTime() + ":";
    }

    /** Deletes every key under the prefix. */
    static void forget(String prefix) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanIterator<String> keys = ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(prefix + "*").limit(10_000));
            List<String> batch = new ArrayList<>();
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 10_000 || !keys.hasNext()) {
                    connection.sync().unlink(batch.toArray(String[]::new));
                    batch.clear();
                }
            }
        } finally {
            client.shutdown();
        }
    }
}
