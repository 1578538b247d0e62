package io.glimpse.api.ratelimit;

/** One token that a request takes: from the bucket of {@code key} under {@code limit}. */
record Charge(RateLimit limit, String key) {
}
