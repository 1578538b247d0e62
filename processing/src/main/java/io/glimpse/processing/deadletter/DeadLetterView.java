package io.glimpse.processing.deadletter;

import java.time.Instant;

/** A parked event, as listed to admins: which processor failed on which event, why, and how often. */
public record DeadLetterView(String processor, String id, String eventType, String aggregateId, Long globalIndex,
                             String causeType, String causeMessage, int failures, Instant enqueuedAt,
                             Instant lastTouched) {
}
