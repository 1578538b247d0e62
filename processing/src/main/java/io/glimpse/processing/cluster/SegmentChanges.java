package io.glimpse.processing.cluster;

import io.glimpse.processing.UnknownProcessingException;
import io.glimpse.processing.status.ReplayRefusedException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Splits and merges a processor's segments, whichever nodes hold them: with the processor paused
 * on the other nodes ({@link ProcessorPauses}) and stopped here, this node claims the tokens and
 * rewrites them as Axon's own split and merge do (a split copies the token to the new half; a
 * merge keeps a {@link MergedTrackingToken} of both halves, so no event is handled twice), then
 * starts the processor again. Only processors in {@code glimpse.cluster.splittable}, and never
 * more segments than one node has threads for (a lone survivor must be able to take them all).
 */
@Component
public class SegmentChanges {

    private static final Logger log = LoggerFactory.getLogger(SegmentChanges.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ProcessorPauses pauses;
    private final StoredSegmentPositions stored;
    private final ClusterProperties cluster;

    SegmentChanges(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions,
                   ProcessorPauses pauses, StoredSegmentPositions stored, ClusterProperties cluster) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.pauses = pauses;
        this.stored = stored;
        this.cluster = cluster;
    }

    /** The processor's segments as the token store has them, with their owners. */
    public List<SegmentPosition> segments(String name) {
        return stored.of(processor(name));
    }

    public List<SegmentPosition> split(String name, int segmentId) {
        StreamingEventProcessor processor = splittable(name);
        if (segments(name).size() + 1 > cluster.threads() - 1) {
            throw new ReplayRefusedException(name + " has as many segments as a node has threads for"
                    + " (glimpse.cluster.threads - 1 = " + (cluster.threads() - 1) + ")");
        }
        return change(processor, () -> {
            Segment segment = segment(name, segmentId);
            TrackingToken token = tokens.fetchToken(name, segmentId);
            int newId = segment.split()[1].getSegmentId();
            tokens.initializeSegment(token, name, newId);
            tokens.releaseClaim(name, segmentId);
            log.info("Split segment {} of {}: new segment {}", segmentId, name, newId);
        });
    }

    public List<SegmentPosition> merge(String name, int segmentId) {
        StreamingEventProcessor processor = splittable(name);
        return change(processor, () -> {
            Segment segment = segment(name, segmentId);
            int otherId = segment.mergeableSegmentId();
            if (otherId == segmentId) {
                throw new ReplayRefusedException(name + " segment " + segmentId + " has no half to merge with");
            }
            TrackingToken mine = tokens.fetchToken(name, segmentId);
            TrackingToken other = tokens.fetchToken(name, otherId);
            if (mine == null || other == null) {
                throw new ReplayRefusedException(name + ": a segment to merge has not processed an event yet");
            }
            int lower = Math.min(segmentId, otherId);
            TrackingToken merged = mine.equals(other) ? mine
                    : lower == segmentId ? new MergedTrackingToken(mine, other) : new MergedTrackingToken(other, mine);
            tokens.deleteToken(name, Math.max(segmentId, otherId));
            tokens.storeToken(merged, name, lower);
            tokens.releaseClaim(name, lower);
            log.info("Merged segments {} and {} of {}", segmentId, otherId, name);
        });
    }

    private List<SegmentPosition> change(StreamingEventProcessor processor, Runnable tokenChange) {
        return pauses.whilePausedElsewhere(processor.getName(), () -> {
            processor.shutDown();
            try {
                transactions.executeInTransaction(tokenChange);
            } catch (UnableToClaimTokenException e) {
                throw new ReplayRefusedException(processor.getName() + " is still held by another node; try again");
            } finally {
                processor.start();
            }
            return segments(processor.getName());
        });
    }

    private Segment segment(String name, int segmentId) {
        int[] ids = tokens.fetchSegments(name);
        return Arrays.stream(Segment.computeSegments(ids)).filter(segment -> segment.getSegmentId() == segmentId)
                .findFirst()
                .orElseThrow(() -> new UnknownProcessingException(name + " has no segment " + segmentId));
    }

    private StreamingEventProcessor splittable(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!cluster.splittable().contains(name)) {
            throw new ReplayRefusedException(name + " keeps one segment: its read model joins events of several"
                    + " aggregates, which segments would see out of order (glimpse.cluster.splittable)");
        }
        return processor;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProcessingException("No processor named " + name));
    }
}
