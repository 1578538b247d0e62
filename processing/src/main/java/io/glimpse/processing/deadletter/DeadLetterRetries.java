package io.glimpse.processing.deadletter;

import io.glimpse.processing.cluster.RunsProjections;
import io.glimpse.processing.deadletter.DeadLetterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Retries parked events by itself a few times, with growing pauses (a passing outage mends
 * itself); an event that still fails after that stays parked until an admin retries or evicts it.
 */
@Component
@RunsProjections
class DeadLetterRetries {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetries.class);
    /** Sequences retried per processor per round, so that one round stays short. */
    private static final int PER_ROUND = 100;

    private final DeadLetters deadLetters;
    private final int automaticRetries;
    private final Duration firstPause;

    DeadLetterRetries(DeadLetters deadLetters,
                      @Value("${glimpse.dead-letters.automatic-retries:3}") int automaticRetries,
                      @Value("${glimpse.dead-letters.first-retry-after:10s}") Duration firstPause) {
        this.deadLetters = deadLetters;
        this.automaticRetries = automaticRetries;
        this.firstPause = firstPause;
    }

    @Scheduled(fixedDelayString = "${glimpse.dead-letters.retry-interval:5s}")
    void retryDue() {
        for (String processor : deadLetters.processorsWithQueues()) {
            if (deadLetters.count(processor) == 0) {
                continue; // the common case, answered by one count instead of a claim attempt
            }
            Instant now = Instant.now();
            int retried = 0;
            while (retried < PER_ROUND && deadLetters.retryFirst(processor, letter -> {
                int failures = DeadLetterConfiguration.failures(letter);
                // Pauses of firstPause, 2×, 4×… after the first, second, third failure.
                Duration pause = firstPause.multipliedBy(1L << Math.min(20, Math.max(0, failures - 1)));
                return failures <= automaticRetries && letter.lastTouched().plus(pause).isBefore(now);
            })) {
                retried++;
            }
            if (retried > 0) {
                log.info("Handled {} parked event sequence(s) of {} on retry", retried, processor);
            }
        }
    }
}
