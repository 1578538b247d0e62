package io.glimpse.processing;

import io.glimpse.processing.cluster.SegmentPositions;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** What the guards that rebuild lost read models ask of and do to event processors. */
public final class Processors {

    private Processors() {
    }

    /** The global index of the newest event, or -1 when there is none (the JPA store's head token is then null). */
    public static long head(EventStore eventStore) {
        var head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Replays the processor from the first event; its reset handlers run before it starts again. */
    public static void replay(StreamingEventProcessor processor) {
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }
    }

    /**
     * Every segment claimed and past the given position. Not "no longer replaying": Axon ends a
     * replay only with the first event after the reset point, which may be long in coming.
     */
    public static boolean hasReached(StreamingEventProcessor processor, long position) {
        return SegmentPositions.local().haveReached(processor, position);
    }
}
