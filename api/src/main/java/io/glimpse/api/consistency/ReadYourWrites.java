package io.glimpse.api.consistency;

import io.glimpse.api.config.GlimpseProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for a client that just wrote: after a command, waits (bounded) until every
 * projection has processed the command's last event, so the client's next read shows its write.
 *
 * <p>Projections are the event processors whose name ends in {@value #PROJECTION_SUFFIX}; side
 * effects such as mail are not waited for. A failing processor is skipped: the write itself is
 * already durable. One being restarted for a replay is waited for. So is a replaying one, unless it is within {@value #NEARLY_CAUGHT_UP} events of
 * the write: a replay about to catch up is waited for, while a long one does not hold up every
 * write until the timeout.
 */
@Component
public class ReadYourWrites {

    public static final String PROJECTION_SUFFIX = "-projection";
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();
    private static final long NEARLY_CAUGHT_UP = 10_000;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Duration timeout;

    ReadYourWrites(EventProcessingConfiguration processing, EventStore eventStore, JdbcClient jdbc,
                   GlimpseProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.timeout = properties.consistency().timeout();
    }

    /**
     * Waits until the projections have seen the newest event of this aggregate. With the JPA event
     * store that is the aggregate's exact last event. When the table knows no event of it (Axon
     * Server keeps events elsewhere; a no-op command on a new aggregate stored none) it is the head
     * of the event stream, which is later or equal.
     */
    public void awaitAggregate(Object aggregateId) {
        long index = jdbc.sql("""
                        select coalesce(max(global_index), -1) from domain_event_entry
                         where aggregate_identifier = ?""")
                .param(aggregateId.toString())
                .query(Long.class)
                .single();
        awaitEvent(index >= 0 ? index : eventStore.createHeadToken().position().orElse(-1));
    }

    /** Waits until the projections have processed the event with this global index. */
    public void awaitEvent(long globalIndex) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allProjectionsHaveSeen(globalIndex)) {
            if (System.nanoTime() > deadline) {
                log.warn("Projections did not reach event {} within {}; answering anyway", globalIndex, timeout);
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private boolean allProjectionsHaveSeen(long globalIndex) {
        return projections().stream()
                .filter(processor -> !processor.isError()
                        && (!processor.isReplaying() || isNear(processor, globalIndex)))
                .allMatch(processor -> hasSeen(processor, globalIndex));
    }

    /**
     * A processor that holds no segment has seen nothing yet: it is being restarted for a replay
     * (its tables may just have been emptied) or has not claimed its token yet. This instance runs
     * every processor (one segment each), so the wait is short.
     */
    private static boolean hasSeen(StreamingEventProcessor processor, long globalIndex) {
        var segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(segment -> hasSeen(segment, globalIndex));
    }

    private static boolean isNear(StreamingEventProcessor processor, long globalIndex) {
        return processor.processingStatus().values().stream()
                .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= globalIndex - NEARLY_CAUGHT_UP);
    }

    private List<StreamingEventProcessor> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(PROJECTION_SUFFIX))
                .map(entry -> entry.getValue())
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private static boolean hasSeen(EventTrackerStatus segment, long globalIndex) {
        if (segment.isErrorState()) {
            return true;
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
        if (token instanceof GapAwareTrackingToken gapAware) {
            // A gap is an event the processor passed before its transaction had committed.
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return token != null && token.position().orElse(-1) >= globalIndex;
    }
}
