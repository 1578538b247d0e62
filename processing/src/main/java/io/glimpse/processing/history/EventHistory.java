package io.glimpse.processing.history;

import io.glimpse.events.PersonalData;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event history as NDJSON, one event a line, read through Axon's event store API (so it is
 * the same on the JDBC store and on Axon Server) up to the head as it was when the export began.
 * Events are streamed and each line written as it comes, flushed every {@value #FLUSH_EVERY}
 * lines: memory stays constant however many events there are. Fields marked
 * {@link PersonalData} are exported as null: analysts get what happened, not people's data.
 */
@Component
public class EventHistory {

    static final int FLUSH_EVERY = 500;
    /** How long the stream may go quiet before the head is reached, before the export ends anyway. */
    private static final int QUIET_SECONDS = 10;

    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Map<Class<?>, List<String>> personalFields = new ConcurrentHashMap<>();

    EventHistory(EventStore eventStore, ObjectMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    /**
     * Which events: after a global index, of one type (simple or full class name), of one
     * aggregate, stored within [from, to), at most {@code limit} (null for all).
     */
    public record Filter(long after, String type, String aggregateId, Instant from, Instant to, Long limit) {

        boolean admits(TrackedEventMessage<?> event, long position) {
            Class<?> payloadType = event.getPayloadType();
            return position > after
                    && (type == null || type.equals(payloadType.getSimpleName()) || type.equals(payloadType.getName()))
                    && (aggregateId == null || event instanceof DomainEventMessage<?> domain
                    && aggregateId.equals(domain.getAggregateIdentifier()))
                    && (from == null || !event.getTimestamp().isBefore(from))
                    && (to == null || event.getTimestamp().isBefore(to));
        }
    }

    public void write(Filter filter, OutputStream out) throws IOException {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (head <= filter.after() || filter.limit() != null && filter.limit() == 0) {
            return;
        }
        TrackingToken start = start(filter, headToken);
        if (start != null && start.position().orElse(-1) >= head) {
            return; // nothing stored after the start (a 'from' in the future)
        }
        long written = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(start)) {
            while (events.hasNextAvailable(QUIET_SECONDS, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = events.nextAvailable();
                long position = event.trackingToken().position().orElse(-1);
                if (position > head) {
                    break;
                }
                if (filter.admits(event, position)) {
                    out.write(line(event, position));
                    if (++written % FLUSH_EVERY == 0) {
                        out.flush();
                    }
                    if (filter.limit() != null && written >= filter.limit()) {
                        break;
                    }
                }
                if (position == head) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    /**
     * Where to begin: at {@code from} if given (the store finds it), else just after {@code after},
     * in the store's own kind of token: the JDBC store's are gap-aware, Axon Server's are not.
     */
    private TrackingToken start(Filter filter, TrackingToken head) {
        if (filter.from() != null) {
            return eventStore.createTokenAt(filter.from());
        }
        if (filter.after() < 0) {
            return null;
        }
        return head instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(filter.after(), List.of())
                : new GlobalSequenceTrackingToken(filter.after());
    }

    private byte[] line(TrackedEventMessage<?> event, long position) {
        ObjectNode line = json.createObjectNode();
        line.put("globalIndex", position);
        line.put("timestamp", event.getTimestamp().toString());
        line.put("type", event.getPayloadType().getSimpleName());
        if (event instanceof DomainEventMessage<?> domain) {
            line.put("aggregateType", domain.getType());
            line.put("aggregateId", domain.getAggregateIdentifier());
            line.put("sequence", domain.getSequenceNumber());
        }
        line.set("payload", redacted(event.getPayloadType(), json.valueToTree(event.getPayload())));
        return (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode redacted(Class<?> payloadType, JsonNode payload) {
        if (payload instanceof ObjectNode object) {
            personalFields.computeIfAbsent(payloadType, EventHistory::personalFieldsOf).forEach(object::putNull);
        }
        return payload;
    }

    private static List<String> personalFieldsOf(Class<?> payloadType) {
        RecordComponent[] components = payloadType.getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components)
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName)
                .toList();
    }
}
