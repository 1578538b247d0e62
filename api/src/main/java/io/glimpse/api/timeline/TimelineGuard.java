package io.glimpse.api.timeline;

import io.glimpse.processing.cluster.RunsProjections;
import io.glimpse.processing.status.Projections;
import io.glimpse.query.timeline.TimelineProjection;
import io.glimpse.query.timeline.TimelineStore;
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
@RunsProjections
class TimelineGuard {

    private static final Logger log = LoggerFactory.getLogger(TimelineGuard.class);

    private final TimelineStore store;
    private final Projections projections;
    /** The head of the event stream when the rebuild started, or -1 when none is under way. */
    private long rebuildTarget = -1;

    TimelineGuard(TimelineStore store, Projections projections) {
        this.store = store;
        this.projections = projections;
    }

    @Scheduled(fixedDelayString = "${glimpse.timeline.guard-interval:2s}")
    synchronized void check() {
        if (store.isIntact()) {
            return;
        }
        if (rebuildTarget < 0) {
            long head = projections.head();
            if (head < 0) {
                store.markIntact(); // no event yet: an empty store is the right one
                return;
            }
            log.warn("The timeline store has lost its data: rebuilding it from the event store");
            rebuildTarget = head;
            projections.replay(TimelineProjection.NAME);
            return;
        }
        if (projections.status(TimelineProjection.NAME).hasCaughtUpWith(rebuildTarget)) {
            store.markIntact();
            rebuildTarget = -1;
            log.info("The timeline store is rebuilt");
        }
    }
}
