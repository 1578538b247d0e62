package io.glimpse.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every rate-limit store does; run against memory and against the real Redis. */
abstract class RateLimitStoreContract {

    /** Three requests an hour: a token every 20 minutes, so no refill happens during a test. */
    static final RateLimit LOGIN = new RateLimit("login", Quota.valueOf("3/1h"));
    static final RateLimit SIGN_UP = new RateLimit("sign-up", Quota.valueOf("3/1h"));

    abstract RateLimitStore store();

    @Test
    void aClientGetsItsQuotaThenIsRefusedUntilATokenComesBack() {
        RateLimitStore store = store();
        for (long remaining = 2; remaining >= 0; remaining--) {
            ConsumptionProbe allowed = store.tryConsume(LOGIN, "203.0.113.1");
            assertThat(allowed.isConsumed()).isTrue();
            assertThat(allowed.getRemainingTokens()).isEqualTo(remaining);
        }
        ConsumptionProbe refused = store.tryConsume(LOGIN, "203.0.113.1");
        assertThat(refused.isConsumed()).isFalse();
        assertThat(refused.getRemainingTokens()).isZero();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill()))
                .as("one token comes back every 20 minutes")
                .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(20));
        assertThat(Duration.ofNanos(refused.getNanosToWaitForReset()))
                .as("the whole quota is back after an hour")
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
    }

    @Test
    void eachClientHasABudgetOfItsOwn() {
        RateLimitStore store = store();
        exhaust(store, LOGIN, "203.0.113.2");
        assertThat(store.tryConsume(LOGIN, "203.0.113.3").isConsumed()).isTrue();
    }

    @Test
    void eachLimitHasABudgetOfItsOwn() {
        RateLimitStore store = store();
        exhaust(store, LOGIN, "203.0.113.4");
        assertThat(store.tryConsume(SIGN_UP, "203.0.113.4").isConsumed()).isTrue();
    }

    @Test
    void aChangedQuotaAppliesAtOnce() {
        RateLimitStore store = store();
        exhaust(store, LOGIN, "203.0.113.5");
        RateLimit raised = new RateLimit("login", Quota.valueOf("10/1h"));
        ConsumptionProbe probe = store.tryConsume(raised, "203.0.113.5");
        assertThat(probe.isConsumed()).isTrue();
        assertThat(probe.getRemainingTokens()).isEqualTo(9);
    }

    static void exhaust(RateLimitStore store, RateLimit limit, String key) {
        for (int i = 0; i < limit.quota().requests(); i++) {
            assertThat(store.tryConsume(limit, key).isConsumed()).isTrue();
        }
        assertThat(store.tryConsume(limit, key).isConsumed()).isFalse();
    }
}
