package io.glimpse.api.ratelimit;

import io.glimpse.api.support.EmbeddedGlimpse;
import org.springframework.test.context.TestPropertySource;

/** Rate limits in memory, as on the embedded default. */
@EmbeddedGlimpse
@TestPropertySource(properties = {RateLimitApiContract.ENABLED, RateLimitApiContract.ACCOUNT,
        RateLimitApiContract.ANONYMOUS, RateLimitApiContract.LOGIN, RateLimitApiContract.SIGN_UP,
        RateLimitApiContract.UPLOADS, RateLimitApiContract.BEHIND_A_PROXY, "glimpse.rate-limits.store=local"})
class RateLimitApiOnEmbeddedTest extends RateLimitApiContract {
}
