package io.glimpse.adapters.search;

import io.glimpse.query.search.SearchIndex;
/**
 * The generations an index is kept in, whatever the engine: the live one that reads use, and the
 * one being built by a rebuild. {@link SearchIndex} describes each step.
 */
interface Generations {

    boolean isIntact();

    void initialize();

    void beginRebuild();

    boolean isRebuilding();

    void completeRebuild();

    void dropRetired();
}
