package io.glimpse.api.timeline;

import io.glimpse.api.consistency.Processors;
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
    /**
     * Right after a restart the processor may still report its position from before the reset;
     * within this time it has claimed its segment again and reports the replay's.
     */
    private static final long STATUS_SETTLES_NANOS = java.time.Duration.ofSeconds(3).toNanos();

    private final TimelineStore store;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    /** The head of the event stream when the rebuild started, or -1 when none is under way. */
    private long rebuildTarget = -1;
    /** When the rebuild started: the processor's status says nothing about it until it has claimed its segment again. */
    private long rebuildStartedAt;

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
            long head = Processors.head(eventStore);
            if (head < 0) {
                store.markIntact(); // no event yet: an empty store is the right one
                return;
            }
            log.warn("The timeline store has lost its data: rebuilding it from the event store");
            rebuildTarget = head;
            rebuildStartedAt = System.nanoTime();
            Processors.replay(timelines);
            return;
        }
        if (System.nanoTime() - rebuildStartedAt > STATUS_SETTLES_NANOS && Processors.hasReached(timelines, rebuildTarget)) {
            store.markIntact();
            rebuildTarget = -1;
            log.info("The timeline store is rebuilt");
        }
    }
}
