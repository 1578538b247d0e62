package io.glimpse.adapters.search;

import io.glimpse.query.search.SearchIndex;
/** A search index whose lifecycle is that of its {@link Generations}; the engine supplies reads and writes. */
abstract class GenerationalSearchIndex implements SearchIndex {

    private final Generations generations;

    GenerationalSearchIndex(Generations generations) {
        this.generations = generations;
    }

    @Override
    public final boolean isIntact() {
        return generations.isIntact();
    }

    @Override
    public final void initialize() {
        generations.initialize();
    }

    @Override
    public final void beginRebuild() {
        generations.beginRebuild();
    }

    @Override
    public final boolean isRebuilding() {
        return generations.isRebuilding();
    }

    @Override
    public final void completeRebuild() {
        generations.completeRebuild();
    }

    @Override
    public final void dropRetiredGenerations() {
        generations.dropRetired();
    }
}
