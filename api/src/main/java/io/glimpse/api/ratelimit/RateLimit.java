package io.glimpse.api.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * One named limit, such as {@code login}: its name is the {@code limit} tag of the rejection
 * metric and part of its buckets' keys.
 */
record RateLimit(String name, Quota quota) {

    /**
     * A token bucket holding the whole quota that refills greedily, a token every
     * {@code period / requests}: a client may spend its quota in a burst, and after a 429 it waits
     * for one token, not for a whole window to pass.
     */
    Bandwidth bandwidth() {
        return Bandwidth.builder()
                .capacity(quota.requests())
                .refillGreedy(quota.requests(), quota.period())
                .build();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }
}
