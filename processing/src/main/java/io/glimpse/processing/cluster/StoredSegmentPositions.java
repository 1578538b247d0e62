package io.glimpse.processing.cluster;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

/**
 * Every segment of a processor as the token store has it, whichever node claims it. A token is
 * stored in the transaction that writes its batch's read-model changes, so a stored position is
 * one whose effects are committed. Read without claiming (Axon's {@code fetchToken} would claim).
 */
final class StoredSegmentPositions implements SegmentPositions {

    private static final String SEGMENTS = """
            select segment, token, token_type, owner from token_entry where processor_name = ? order by segment""";

    private final JdbcClient jdbc;
    private final Serializer serializer;

    StoredSegmentPositions(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public List<SegmentPosition> of(StreamingEventProcessor processor) {
        return of(processor.getName());
    }

    /** Every 5 ms: one indexed query per waiting request, with a token committed at most that long ago. */
    @Override
    public Duration pollInterval() {
        return Duration.ofMillis(5);
    }

    /** A query each time: asked by the waiting request's own thread only, never by a processor's. */
    @Override
    public boolean inMemory() {
        return false;
    }

    List<SegmentPosition> of(String processorName) {
        return jdbc.sql(SEGMENTS).param(processorName).query((row, number) -> SegmentPosition.of(row.getInt("segment"),
                token(row.getBytes("token"), row.getString("token_type")), row.getString("owner"))).list();
    }

    private TrackingToken token(byte[] bytes, String type) {
        return bytes == null || type == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
