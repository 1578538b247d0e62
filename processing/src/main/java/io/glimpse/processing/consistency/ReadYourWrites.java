package io.glimpse.processing.consistency;

import io.glimpse.processing.cluster.SegmentPosition;
import io.glimpse.processing.cluster.SegmentPositions;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
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
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Read-your-writes for a client that just wrote: waits (bounded) until the event processors it
 * names have processed the command's events, so that the client's next read of their read models
 * shows its write. The caller names the processors (the read models it must see); the
 * others catch up on their own time: a post waits for its author's views, not for the fan-out
 * to the followers' timelines.
 *
 * <p>What is waited for is the position of the aggregate's newest event. On Axon Server that is
 * the head of the event stream once the command has completed: the server numbers events as it
 * commits them, so the head covers the command's events. The JPA store numbers them as they are
 * inserted, so an earlier-numbered event may commit later (a processor passes over it as a gap):
 * there it is the index the command's own newest event got ({@link AppendedPositions}), or, for a
 * command that stored nothing, the aggregate's newest event, looked up in Axon's event table.
 * A processor in error mode (the database or the search engine unreachable) is waited for too, up
 * to the timeout: after a database outage it is back within a second ({@code ProcessorRecovery}),
 * and answering before it has the write made a create answer 404 for what it had just stored.
 * While a service stays down, writes that name its processor take the timeout and are then
 * answered: the write itself is durable. One being restarted for a replay is waited for; so is a
 * replaying one, unless it is more than {@value #NEARLY_CAUGHT_UP} events behind: a replay about to
 * catch up is waited for, a long one does not hold up every write until the timeout.
 *
 * <p>Where the processors are is asked of {@link SegmentPositions}: this node's own processors
 * when it runs them all, the token store when several nodes share them (a command node runs none).
 * Local positions are asked again whenever one of this node's processors reaches the event
 * ({@link ProcessorProgress}), and at the latest after the poll interval; stored ones at each poll.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long NEARLY_CAUGHT_UP = 10_000;
    /**
     * One row through the unique index on (aggregate, sequence number), in plain JDBC: the same
     * question through JPA was a seventh of a like's time on the server (benchmark/README.md, "Writes").
     */
    private static final String NEWEST_EVENT = """
            select global_index from domain_event_entry where aggregate_identifier = ?
             order by sequence_number desc limit 1""";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final AppendedPositions appended;
    private final JdbcClient jdbc;
    private final SegmentPositions positions;
    private final ProcessorProgress progress;
    private final Duration timeout;
    private final long pollNanos;
    private volatile Boolean jpaStore;

    ReadYourWrites(EventProcessingConfiguration processing, EventStore eventStore, AppendedPositions appended,
                   JdbcClient jdbc, SegmentPositions positions, ProcessorProgress progress,
                   ConsistencyProperties properties) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.appended = appended;
        this.jdbc = jdbc;
        this.positions = positions;
        this.progress = progress;
        this.timeout = properties.timeout();
        this.pollNanos = positions.pollInterval().toNanos();
    }

    /**
     * Waits until these processors have processed the newest event of this aggregate, which a
     * command just stored; answers that event's global index (-1 when the store holds none), the
     * consistency token a client may hand to a read on another node.
     */
    public long awaitAggregate(Object aggregateId, Collection<String> processorNames) {
        return awaitPosition(newestEventOf(aggregateId), processorNames);
    }

    /**
     * As {@link #awaitAggregate}, for the command with this message identifier, which just
     * completed on this node: where its own events landed when the store told (no query), else
     * the aggregate's newest event.
     */
    public long awaitCommand(String commandId, Object aggregateId, Collection<String> processorNames) {
        var own = appended.take(commandId);
        return awaitPosition(own.isPresent() ? own.getAsLong() : newestEventOf(aggregateId), processorNames);
    }

    private long awaitPosition(long position, Collection<String> processorNames) {
        if (!processorNames.isEmpty()) {
            awaitEvent(position, processorNames);
        }
        return position;
    }

    /**
     * The global index of the aggregate's newest event, or the head when the JPA store knows none of it
     * (a command that changed nothing stored none; the head is later or equal). Only Axon Server's
     * head is asked for each time: the JPA store's head was a query of its own on every write.
     */
    private long newestEventOf(Object aggregateId) {
        if (!numbersEventsAsTheyAreInserted()) {
            return headPosition();
        }
        return jdbc.sql(NEWEST_EVENT).param(aggregateId.toString()).query(Long.class).optional()
                .orElseGet(this::headPosition);
    }

    /**
     * The JPA store (gap-aware tokens) rather than Axon Server; asked of the store once it holds
     * an event (an empty store has no head, and nothing to wait for).
     */
    private boolean numbersEventsAsTheyAreInserted() {
        Boolean known = jpaStore;
        if (known == null) {
            TrackingToken head = eventStore.createHeadToken();
            if (head == null) {
                return false;
            }
            known = head instanceof GapAwareTrackingToken;
            jpaStore = known;
        }
        return known;
    }

    /** The global index of the newest stored event, -1 for none. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Waits until these processors have processed the event with this global index. */
    public void awaitEvent(long globalIndex, Collection<String> processorNames) {
        if (globalIndex < 0) {
            return;
        }
        List<StreamingEventProcessor> processors = processors(processorNames);
        BooleanSupplier seen = () -> allHaveSeen(processors, globalIndex);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Registered before the first look, so a wake-up between a look and the park is not lost.
        try (Registration wakeUps = positions.inMemory() ? progress.wakeWhen(globalIndex, seen) : () -> true) {
            while (!seen.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    log.warn("{} did not reach event {} within {}; answering anyway", processorNames, globalIndex, timeout);
                    return;
                }
                LockSupport.parkNanos(pollNanos);
            }
        }
    }

    private boolean allHaveSeen(List<StreamingEventProcessor> processors, long globalIndex) {
        return processors.stream().allMatch(processor -> hasSeen(positions.of(processor), globalIndex));
    }

    /**
     * A processor none of whose segments is known has seen nothing yet: it is being restarted for
     * a replay (its tables may just have been emptied) or has not claimed its token yet. One that
     * replays far behind the event is not waited for.
     */
    private static boolean hasSeen(List<SegmentPosition> segments, long globalIndex) {
        if (segments.stream().anyMatch(SegmentPosition::replaying)
                && !segments.stream().allMatch(segment -> segment.position() >= globalIndex - NEARLY_CAUGHT_UP)) {
            return true;
        }
        return !segments.isEmpty() && segments.stream().allMatch(segment -> hasSeen(segment, globalIndex));
    }

    /** The named streaming processors; a name no processor has is a mistake in the caller. */
    private List<StreamingEventProcessor> processors(Collection<String> names) {
        return names.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow(() -> new IllegalArgumentException("No streaming event processor named " + name)))
                .toList();
    }

    private static boolean hasSeen(SegmentPosition segment, long globalIndex) {
        TrackingToken token = WrappedToken.unwrapLowerBound(segment.token());
        if (token instanceof GapAwareTrackingToken gapAware) {
            // A gap is an event the processor passed before its transaction had committed.
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return token != null && token.position().orElse(-1) >= globalIndex;
    }
}
