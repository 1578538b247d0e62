package io.glimpse.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this instance's memory (Bucket4j's lock-free buckets): the embedded default, and the
 * stand-in while Redis does not answer. A bucket left alone for its limit's period is full again,
 * so forgetting it then loses nothing; the size bound only keeps a flood of addresses from
 * filling the heap.
 */
final class LocalRateLimitStore implements RateLimitStore {

    private static final int MAX_BUCKETS_PER_LIMIT = 100_000;

    private final Map<RateLimit, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();

    @Override
    public ConsumptionProbe tryConsume(RateLimit limit, String key) {
        return buckets.computeIfAbsent(limit, LocalRateLimitStore::bucketsOf)
                .get(key, ignored -> Bucket.builder().addLimit(limit.bandwidth()).build())
                .tryConsumeAndReturnRemaining(1);
    }

    private static Cache<String, Bucket> bucketsOf(RateLimit limit) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS_PER_LIMIT)
                .expireAfterAccess(limit.quota().period())
                .build();
    }
}
