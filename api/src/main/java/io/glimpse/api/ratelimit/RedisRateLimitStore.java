package io.glimpse.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap buckets over Lettuce), so that every instance
 * counts against one budget per client. Each bucket's key expires once the bucket would be full
 * again, so Redis keeps only the buckets of recent clients.
 *
 * <p>Rate limiting must not take the API down with Redis: when Redis does not answer within the
 * request timeout, this instance limits in its own memory for a few seconds, then tries Redis
 * again. Limits stay in force, per instance, while Redis is away.
 */
final class RedisRateLimitStore implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);
    static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(5);

    private final Supplier<ProxyManager<byte[]>> connect;
    private final String keyPrefix;
    private final RateLimitStore fallback;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile ProxyManager<byte[]> buckets;
    private volatile long redisAwayUntil;
    private volatile boolean away;

    /**
     * @param connect   connects to Redis; called on first use, not at startup, so that the
     *                  application starts while Redis is down
     * @param keyPrefix prefix of every key
     * @param fallback  where buckets live while Redis does not answer
     */
    RedisRateLimitStore(Supplier<ProxyManager<byte[]>> connect, String keyPrefix, RateLimitStore fallback) {
        this.connect = connect;
        this.keyPrefix = keyPrefix;
        this.fallback = fallback;
    }

    @Override
    public ConsumptionProbe tryConsume(RateLimit limit, String key) {
        if (away && System.nanoTime() - redisAwayUntil < 0) {
            return fallback.tryConsume(limit, key);
        }
        try {
            ProxyManager<byte[]> redis = buckets();
            if (redis == null) {
                return fallback.tryConsume(limit, key);
            }
            ConsumptionProbe probe = redis.getProxy(redisKey(limit, key), limit::configuration)
                    .tryConsumeAndReturnRemaining(1);
            back();
            return probe;
        } catch (RuntimeException unavailable) {
            gone(unavailable);
            return fallback.tryConsume(limit, key);
        }
    }

    /**
     * The key names the quota too: buckets keep the configuration they were made with, so a
     * changed quota starts new buckets instead of living on in the old ones.
     */
    byte[] redisKey(RateLimit limit, String key) {
        Quota quota = limit.quota();
        return (keyPrefix + limit.name() + ":" + quota.requests() + "/" + quota.periodSeconds() + "s:" + key)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The connected buckets; null while another thread is still connecting. */
    private ProxyManager<byte[]> buckets() {
        if (buckets != null) {
            return buckets;
        }
        if (!connecting.tryLock()) {
            return null;
        }
        try {
            if (buckets == null) {
                buckets = connect.get();
            }
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    private void gone(RuntimeException cause) {
        redisAwayUntil = System.nanoTime() + RETRY_REDIS_AFTER.toNanos();
        if (!away) {
            away = true;
            log.warn("Redis does not answer for rate limits ({}); limiting in this instance's memory until it does",
                    cause.toString());
        }
    }

    private void back() {
        if (away) {
            away = false;
            log.info("Redis answers again; rate limits are shared through it again");
        }
    }
}
