package io.glimpse.api.ratelimit;

/** The contract against buckets in memory (the embedded default). */
class LocalRateLimitStoreTest extends RateLimitStoreContract {

    @Override
    RateLimitStore store() {
        return new LocalRateLimitStore();
    }
}
