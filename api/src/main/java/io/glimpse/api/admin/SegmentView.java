package io.glimpse.api.admin;

import io.glimpse.processing.cluster.SegmentPosition;

import java.util.List;
import java.util.Map;

/**
 * One segment of a processor as admins see it.
 *
 * @param segment  its id
 * @param owner    the node that claims it (Axon's node name, pid@host by default), null while free
 * @param position the global index of the last event it processed, null before the first
 * @param replaying whether it is replaying
 */
record SegmentView(int segment, String owner, Long position, boolean replaying) {

    static Map<String, List<SegmentView>> page(List<SegmentPosition> segments) {
        return Map.of("items", segments.stream().map(segment -> new SegmentView(segment.segment(), segment.owner(),
                segment.position() < 0 ? null : segment.position(), segment.replaying())).toList());
    }
}
