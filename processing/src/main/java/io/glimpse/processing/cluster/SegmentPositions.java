package io.glimpse.processing.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.util.List;

/**
 * Where a processor's segments are. On a node that runs every processor alone ({@code all}) its
 * own processors say ({@link LocalSegmentPositions}, no I/O); with several nodes the token store
 * says ({@link StoredSegmentPositions}), because another node may hold a segment.
 */
public interface SegmentPositions {

    /** This node's own processors, as their in-memory status has them. */
    static SegmentPositions local() {
        return new LocalSegmentPositions();
    }

    /** The processor's segments; empty when none is known yet (no token, or none claimed on a local view). */
    List<SegmentPosition> of(StreamingEventProcessor processor);

    /** How often a waiting read-your-writes asks again: a local status costs nothing, a stored one a query. */
    default Duration pollInterval() {
        return Duration.ofMillis(2);
    }

    /** Read from this node's memory, so cheap enough to ask on a processor's thread whenever it moves. */
    default boolean inMemory() {
        return true;
    }

    /** Every segment known and past the given position. */
    default boolean haveReached(StreamingEventProcessor processor, long position) {
        List<SegmentPosition> segments = of(processor);
        return !segments.isEmpty() && segments.stream().allMatch(segment -> segment.position() >= position);
    }
}
