package io.glimpse.api.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.TimeUnit;

/**
 * What a limit said about one request: allowed or not, and where its bucket stands. The request's
 * rate-limit headers describe this limit.
 */
record Verdict(RateLimit limit, ConsumptionProbe probe) {

    boolean allowed() {
        return probe.isConsumed();
    }

    long remaining() {
        return probe.getRemainingTokens();
    }

    /** Whole seconds until the next request would be allowed; at least 1 when refused. */
    long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
    }

    /** Whole seconds until the whole quota is back. */
    long resetSeconds() {
        return ceilSeconds(probe.getNanosToWaitForReset());
    }

    /** Of two allowed verdicts, the one nearer to refusing, which the headers then describe. */
    boolean tighterThan(Verdict other) {
        return remaining() != other.remaining() ? remaining() < other.remaining()
                : probe.getNanosToWaitForReset() > other.probe.getNanosToWaitForReset();
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
