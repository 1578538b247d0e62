package io.glimpse.api.search;

import io.glimpse.processing.cluster.RunsProjections;
import io.glimpse.processing.status.Projections;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after the search index without a person: creates it on a fresh start; notices when it
 * is missing (deleted, a wiped cluster or directory, a new Elasticsearch) and rebuilds it by
 * replaying the search projection; swaps a finished rebuild in when the projection has caught up
 * with the events that existed when it began; deletes replaced generations once nobody reads them.
 */
@Component
@RunsProjections
class SearchGuard implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchGuard.class);

    private final SearchIndex index;
    private final Projections projections;
    /** The head of the event stream when the rebuild was first seen, or -1 when none is under way. */
    private long rebuildTarget = -1;
    private boolean failing;

    SearchGuard(SearchIndex index, Projections projections) {
        this.index = index;
        this.projections = projections;
    }

    /**
     * At startup, before event processors and the web server start: a fresh installation gets its
     * empty index before the first event needs it. Anything more (a rebuild) waits for the
     * processors to run, in {@link #check()}.
     */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            if (!index.isRebuilding() && !index.isIntact() && projections.head() < 0) {
                index.initialize();
            }
        } catch (RuntimeException e) {
            log.warn("Cannot check the search index at startup; will keep trying", e);
        }
    }

    @Scheduled(fixedDelayString = "${glimpse.search.guard-interval:2s}")
    synchronized void check() {
        try {
            checkOnce();
            if (failing) {
                log.info("The search index can be checked again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Cannot check the search index; will keep trying", e);
                failing = true;
            }
        }
    }

    private void checkOnce() {
        if (index.isRebuilding()) {
            completeWhenCaughtUp();
            return;
        }
        rebuildTarget = -1;
        if (index.isIntact()) {
            index.dropRetiredGenerations();
            return;
        }
        if (projections.head() < 0) {
            index.initialize(); // no event yet: an empty index is the right one
            return;
        }
        log.warn("The search index is missing: rebuilding it from the event store");
        projections.replay(SearchProjection.NAME); // its reset handler begins the new generation
    }

    /**
     * The projection swaps the new generation in itself at the first event after the replay; this
     * covers a quiet system, where that event may be long in coming.
     */
    private void completeWhenCaughtUp() {
        if (rebuildTarget < 0) {
            rebuildTarget = projections.head();
            return;
        }
        if (projections.status(SearchProjection.NAME).hasCaughtUpWith(rebuildTarget)) {
            index.completeRebuild();
            rebuildTarget = -1;
        }
    }
}
