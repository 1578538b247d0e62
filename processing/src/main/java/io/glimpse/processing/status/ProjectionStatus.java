package io.glimpse.processing.status;

/**
 * One event processor as an admin sees it. {@code position} is the global index of the last event
 * it has processed (null for a subscribing processor, which handles events in the transaction that
 * stores them and so never lags); {@code replay} is there only while a replay is under way.
 */
public record ProjectionStatus(String name, String mode, State state, Long position, long headPosition, long lag,
                               Replay replay, long deadLetters) {

    public enum State { RUNNING, REPLAYING, ERROR, STOPPED }

    /** Not replaying (any more) and past the given global index: a rebuild up to it is complete. */
    public boolean hasCaughtUpWith(long globalIndex) {
        return replay == null && position != null && position >= globalIndex;
    }

    /** How far a replay has come: percent of the events up to where it was reset, its speed and the time left. */
    public record Replay(double percent, double eventsPerSecond, Long etaSeconds, long target) {
    }
}
