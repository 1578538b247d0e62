package io.glimpse.api.ratelimit;

import io.glimpse.api.security.AuthenticatedUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Charges a request to the limits it counts against and counts refusals by limit, as
 * {@code glimpse.rate.limit.rejections} ({@code glimpse_rate_limit_rejections_total} in Prometheus).
 */
final class RateLimiter {

    static final String REJECTIONS = "glimpse.rate.limit.rejections";

    private final RateLimitRules rules;
    private final RateLimitStore store;
    private final Map<String, Counter> rejections;

    RateLimiter(RateLimitProperties properties, RateLimitStore store, MeterRegistry registry) {
        this.rules = new RateLimitRules(properties);
        this.store = store;
        // Registered up front, so that every limit shows in the metrics at 0 before its first refusal.
        this.rejections = properties.all().stream().collect(Collectors.toMap(RateLimit::name,
                limit -> Counter.builder(REJECTIONS)
                        .description("Requests refused with 429, by the limit that refused them")
                        .tag("limit", limit.name())
                        .register(registry),
                (a, b) -> a));
    }

    /**
     * @param user the caller, or null for a call without a token
     * @return the refusing limit's verdict, or the tightest of the allowing ones; empty when no
     * limit applies
     */
    Optional<Verdict> check(HttpServletRequest request, AuthenticatedUser user) {
        Verdict tightest = null;
        for (Charge charge : rules.chargesFor(request, user)) {
            Verdict verdict = new Verdict(charge.limit(), store.tryConsume(charge.limit(), charge.key()));
            if (!verdict.allowed()) {
                rejections.get(charge.limit().name()).increment();
                return Optional.of(verdict);
            }
            if (tightest == null || verdict.tighterThan(tightest)) {
                tightest = verdict;
            }
        }
        return Optional.ofNullable(tightest);
    }
}
