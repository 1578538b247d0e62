package io.glimpse.processing.cluster;

/**
 * What one node of Glimpse does ({@code glimpse.role}). One jar, three roles: {@code all} (the
 * default: one process does everything), {@code command} (REST writes, aggregates and the
 * command-side lookups; its event processors are never started) and {@code query} (the
 * projections, REST reads, search, the media worker). Any number of command and query nodes share
 * one event store, database, Redis and search cluster (docs/architecture.md, "Scaling out").
 */
public enum Role {

    ALL, COMMAND, QUERY;

    /** Whether this node claims segments of the tracking processors and runs their handlers. */
    public boolean runsProjections() {
        return this != COMMAND;
    }

    public boolean servesWrites() {
        return this != QUERY;
    }

    public boolean servesReads() {
        return this != COMMAND;
    }

    /**
     * Whether this node's own processors tell how far every projection is: only when one node
     * runs them all. Otherwise the positions are read from the token store, where every node's
     * segments commit theirs.
     */
    public boolean seesEveryPosition() {
        return this == ALL;
    }
}
