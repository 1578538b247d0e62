package io.glimpse.api.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Rate limits (prefix {@code glimpse.rate-limits}), with defaults in the spirit of Mastodon's.
 * docs/configuration.md lists them.
 *
 * @param enabled        {@code false} turns every limit off (load tests and benchmarks)
 * @param store          {@code local}: buckets in this instance's memory (the embedded default);
 *                       {@code redis}: buckets in Redis, one budget shared by every instance (the
 *                       {@code redis} profile, production)
 * @param redisKeyPrefix prefix of every bucket's Redis key
 * @param redisTimeout   longest wait for Redis; past it, and for a few seconds after, this
 *                       instance limits in its own memory instead
 * @param account        every authenticated call, per account
 * @param anonymous      every call without a token, per client address
 * @param login          {@code POST /api/auth/login}, per client address
 * @param signUp         {@code POST /api/auth/register}, per client address
 * @param uploads        every multipart request (post images, avatars), per account
 */
@ConfigurationProperties("glimpse.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("local") String store,
                                  @DefaultValue("glimpse:rate-limits:") String redisKeyPrefix,
                                  @DefaultValue("500ms") Duration redisTimeout,
                                  @DefaultValue("300/5m") Quota account,
                                  @DefaultValue("300/5m") Quota anonymous,
                                  @DefaultValue("25/5m") Quota login,
                                  @DefaultValue("5/30m") Quota signUp,
                                  @DefaultValue("30/30m") Quota uploads) {

    RateLimit accountLimit() {
        return new RateLimit("account", account);
    }

    RateLimit anonymousLimit() {
        return new RateLimit("anonymous", anonymous);
    }

    RateLimit loginLimit() {
        return new RateLimit("login", login);
    }

    RateLimit signUpLimit() {
        return new RateLimit("sign-up", signUp);
    }

    RateLimit uploadsLimit() {
        return new RateLimit("uploads", uploads);
    }

    List<RateLimit> all() {
        return List.of(accountLimit(), anonymousLimit(), loginLimit(), signUpLimit(), uploadsLimit());
    }
}
