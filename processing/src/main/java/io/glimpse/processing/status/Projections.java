package io.glimpse.processing.status;

import io.glimpse.processing.Processors;
import io.glimpse.processing.UnknownProcessingException;
import io.glimpse.processing.cluster.ProcessorPauses;
import io.glimpse.processing.cluster.SegmentPosition;
import io.glimpse.processing.cluster.SegmentPositions;
import io.glimpse.processing.deadletter.DeadLetters;
import io.glimpse.processing.status.ProjectionStatus.Replay;
import io.glimpse.processing.status.ProjectionStatus.State;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event processors, their positions against the head of the event store, and replays: a
 * replay resets a processor to the first event and lets it rebuild while the API keeps serving
 * (its read model fills up again as the replay goes). Positions come from {@link SegmentPositions}:
 * the token store when several nodes share the processors, so every node reports the same. A
 * replay pauses the processor on the other nodes while this one resets it ({@link ProcessorPauses}).
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    /**
     * Right after a restart a processor may report no segments, or its position from before the
     * reset; within this time it has claimed its segment again and reports the replay's.
     */
    private static final long SETTLE_NANOS = java.time.Duration.ofSeconds(3).toNanos();

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;
    private final SegmentPositions positions;
    private final ProcessorPauses pauses;
    /** When each replay this instance started began, to tell its speed. */
    private final Map<String, ReplayStart> replays = new ConcurrentHashMap<>();

    Projections(EventProcessingConfiguration processing, EventStore eventStore, DeadLetters deadLetters,
                SegmentPositions positions, ProcessorPauses pauses) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.positions = positions;
        this.pauses = pauses;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return status(processor(name), head());
    }

    /**
     * How many events the processor is behind the head of the event store (0 for a subscribing
     * one). For metrics, which ask often: it reads the head and nothing else.
     */
    public long lag(String name) {
        return processor(name) instanceof StreamingEventProcessor streaming ? lag(head(), position(streaming)) : 0;
    }

    /** Whether the processor is replaying now; for metrics, without reading the event store. */
    public boolean isReplaying(String name) {
        return processor(name) instanceof StreamingEventProcessor streaming && isReplaying(name, streaming);
    }

    /**
     * Resets the processor to the first event and starts it again. Refused for a processor that
     * does not support it (side effects such as mail must never run twice) and for one already
     * replaying.
     */
    public synchronized ProjectionStatus replay(String name) {
        EventProcessor processor = processor(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new ReplayRefusedException(name + " cannot be replayed: its effects must happen once");
        }
        if (isReplaying(name, streaming)) {
            throw new ReplayRefusedException(name + " is already replaying");
        }
        log.info("Replaying {} from the first event", name);
        pauses.whilePausedElsewhere(name, () -> {
            replays.put(name, new ReplayStart(System.nanoTime(), -1, head()));
            Processors.replay(streaming);
            return null;
        });
        return status(name);
    }

    private EventProcessor processor(String name) {
        return processing.eventProcessor(name).orElseThrow(() -> new UnknownProcessingException("No processor named " + name));
    }

    /** The global index of the newest stored event, -1 when there is none. */
    public long head() {
        return Processors.head(eventStore);
    }

    private ProjectionStatus status(EventProcessor processor, long head) {
        long parked = deadLetters.count(processor.getName());
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(processor.getName(), "subscribing",
                    processor.isRunning() ? State.RUNNING : State.STOPPED, null, head, 0, null, parked);
        }
        Optional<Long> position = position(streaming);
        long lag = lag(head, position);
        Replay replay = isReplaying(processor.getName(), streaming) ? replay(streaming, position.orElse(-1L)) : null;
        return new ProjectionStatus(processor.getName(), "streaming", state(streaming, replay), position.orElse(null),
                head, lag, replay, parked);
    }

    private static State state(StreamingEventProcessor processor, Replay replay) {
        if (processor.isError()) {
            return State.ERROR;
        }
        if (!processor.isRunning()) {
            return State.STOPPED;
        }
        return replay != null ? State.REPLAYING : State.RUNNING;
    }

    private static long lag(long head, Optional<Long> position) {
        return Math.max(0, head - position.orElse(-1L));
    }

    /** The least position over the segments: everything up to it has been processed. */
    private Optional<Long> position(StreamingEventProcessor processor) {
        return positions.of(processor).stream()
                .map(SegmentPosition::position)
                .min(Long::compare)
                .filter(position -> position >= 0);
    }

    /**
     * Replaying until every segment has passed the position it was reset at (Axon itself ends a
     * replay only with the first event after that point, which may be long in coming), or started
     * here a moment ago and not yet reported by the processor.
     */
    private boolean isReplaying(String name, StreamingEventProcessor processor) {
        boolean segmentsReplaying = positions.of(processor).stream().anyMatch(segment -> segment.replaying()
                && segment.position() < segment.resetPosition());
        ReplayStart start = replays.get(name);
        boolean settling = start != null && System.nanoTime() - start.nanos() < SETTLE_NANOS
                && !positions.haveReached(processor, start.target());
        if (!segmentsReplaying && !settling && start != null) {
            replays.remove(name);
        }
        return segmentsReplaying || settling;
    }

    private Replay replay(StreamingEventProcessor processor, long position) {
        ReplayStart start = replays.computeIfAbsent(processor.getName(),
                name -> new ReplayStart(System.nanoTime(), position, resetPosition(processor).orElse(head())));
        long target = resetPosition(processor).orElse(start.target());
        double percent = target < 0 ? 100 : Math.min(100, 100.0 * (position + 1) / (target + 1));
        double seconds = (System.nanoTime() - start.nanos()) / 1e9;
        double perSecond = seconds <= 0 ? 0 : Math.max(0, position - start.fromPosition()) / seconds;
        Long eta = perSecond <= 0 ? null : Math.round(Math.max(0, target - position) / perSecond);
        return new Replay(Math.round(percent * 10) / 10.0, Math.round(perSecond), eta, target);
    }

    private Optional<Long> resetPosition(StreamingEventProcessor processor) {
        return positions.of(processor).stream()
                .map(SegmentPosition::resetPosition)
                .max(Long::compare)
                .filter(position -> position >= 0);
    }

    /** When a replay began, the position it was at then, and the head it replays up to. */
    private record ReplayStart(long nanos, long fromPosition, long target) {
    }
}
