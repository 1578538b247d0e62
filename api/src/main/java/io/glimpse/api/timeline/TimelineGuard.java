package io.glimpse.api.timeline;

import io.glimpse.query.timeline.TimelineProjection;
import io.glimpse.query.timeline.TimelineStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices when the timeline store has lost its data (Redis restarted without persistence, or
 * flushed) and rebuilds it by replaying the timeline processor, without a person. Meanwhile,
 * timelines are pulled from SQL: slower, but correct. A store that cannot lose data never
 * triggers this.
 */
@Component
class TimelineGuard {

    private static final Logger log = LoggerFactory.getLogger(TimelineGuard.class);

    private final TimelineStore store;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    /** The head of the event stream when the rebuild started, or -1 when none is under way. */
    private long rebuildTarget = -1;
    /** Whether the processor has been seen replaying since the reset: before that its status is stale. */
    private boolean replaySeen;

    TimelineGuard(TimelineStore store, EventProcessingConfiguration processing, EventStore eventStore) {
        this.store = store;
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Scheduled(fixedDelayString = "${glimpse.timeline.guard-interval:2s}")
    synchronized void check() {
        if (store.isIntact()) {
            return;
        }
        StreamingEventProcessor timelines = processing
                .eventProcessor(TimelineProjection.NAME, StreamingEventProcessor.class).orElseThrow();
        if (rebuildTarget < 0) {
            long head = eventStore.createHeadToken().position().orElse(-1);
            if (head < 0) {
                store.markIntact(); // no event yet: an empty store is the right one
                return;
            }
            log.warn("The timeline store has lost its data: rebuilding it from the event store");
            rebuildTarget = head;
            replaySeen = false;
            timelines.shutDown();
            timelines.resetTokens();
            timelines.start();
            return;
        }
        replaySeen |= timelines.isReplaying();
        if (replaySeen && hasReached(timelines, rebuildTarget)) {
            store.markIntact();
            rebuildTarget = -1;
            log.info("The timeline store is rebuilt");
        }
    }

    /**
     * Every segment claimed and past the given position. Not "no longer replaying": Axon ends a
     * replay only with the first event after the reset point, which may be long in coming.
     */
    private static boolean hasReached(StreamingEventProcessor processor, long position) {
        var segments = processor.processingStatus().values();
        return !segments.isEmpty()
                && segments.stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= position);
    }
}
