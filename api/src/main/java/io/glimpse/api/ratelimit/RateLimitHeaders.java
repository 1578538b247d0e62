package io.glimpse.api.ratelimit;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The rate-limit fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers, the widely used
 * revision with separate fields), on every response the limits apply to:
 * <pre>
 * RateLimit-Limit: 300          requests the quota allows
 * RateLimit-Remaining: 299      requests left now
 * RateLimit-Reset: 1            seconds until the whole quota is back
 * RateLimit-Policy: 300;w=300   the quota and its window in seconds
 * </pre>
 * A 429 adds {@code Retry-After} in seconds. When several limits apply, the fields describe the
 * one that refused, or else the one nearest to refusing.
 */
public final class RateLimitHeaders {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";

    /** What a browser script may read (CORS exposed headers), with {@code Retry-After}. */
    public static final List<String> ALL = List.of(LIMIT, REMAINING, RESET, POLICY);

    private RateLimitHeaders() {
    }

    static void write(Verdict verdict, BiConsumer<String, String> header) {
        Quota quota = verdict.limit().quota();
        header.accept(LIMIT, Long.toString(quota.requests()));
        header.accept(REMAINING, Long.toString(verdict.remaining()));
        header.accept(RESET, Long.toString(verdict.resetSeconds()));
        header.accept(POLICY, quota.requests() + ";w=" + quota.periodSeconds());
    }
}
