package io.glimpse.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: this instance's memory, or Redis. */
interface RateLimitStore {

    /** Takes one token from the bucket of {@code key} under {@code limit}, if it has one. */
    ConsumptionProbe tryConsume(RateLimit limit, String key);
}
