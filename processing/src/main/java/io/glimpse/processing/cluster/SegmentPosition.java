package io.glimpse.processing.cluster;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * How far one segment of a processor is.
 *
 * @param segment       the segment's id
 * @param token         its token, null before it has seen an event
 * @param owner         the node that claims it, null when none does (or when not known: local status)
 * @param position      the global index of the last event it processed, -1 for none
 * @param resetPosition while it replays, the position it was reset at, else -1
 */
public record SegmentPosition(int segment, TrackingToken token, String owner, long position, long resetPosition) {

    public static SegmentPosition of(int segment, TrackingToken token, String owner) {
        long position = token == null ? -1 : token.position().orElse(-1);
        long reset = WrappedToken.unwrap(token, ReplayToken.class)
                .map(replay -> replay.getTokenAtReset())
                .map(atReset -> atReset.position().orElse(-1))
                .orElse(-1L);
        return new SegmentPosition(segment, token, owner, position, reset);
    }

    public boolean replaying() {
        return ReplayToken.isReplay(token);
    }
}
