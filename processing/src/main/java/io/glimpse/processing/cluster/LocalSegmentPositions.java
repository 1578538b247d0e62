package io.glimpse.processing.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.List;

/** The segments this node's processor has claimed, from its in-memory status. */
final class LocalSegmentPositions implements SegmentPositions {

    @Override
    public List<SegmentPosition> of(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(status -> SegmentPosition.of(status.getSegment().getSegmentId(), status.getTrackingToken(), null))
                .toList();
    }
}
