package io.glimpse.api.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Streams over a transport their caller keeps (what the Mastodon WebSocket uses), without HTTP:
 * they read the same log as the native stream, count against the same limit, get heartbeats, and
 * are ended by the heartbeat once they lasted their maximum duration.
 */
class StreamConnectionsTest {

    private final MemoryStreamLog log = new MemoryStreamLog(16, Duration.ofMinutes(1), Clock.systemUTC());
    private final StreamConnections connections = new StreamConnections(log,
            new StreamProperties("memory", 2, Duration.ofMillis(100), 16, Duration.ofMinutes(1), Duration.ofSeconds(30),
                    Duration.ofMillis(600), 2, "test:"), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        connections.destroy();
    }

    @Test
    void aSinkGetsReadyThenTheUsersEventsInOrder() {
        UUID user = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        connections.open(user, sink);
        log.append(List.of(new StreamEvent.New(user, StreamEvent.NOTIFICATION, "{\"id\":1}"),
                new StreamEvent.New(UUID.randomUUID(), StreamEvent.NOTIFICATION, "{\"id\":2}"),
                new StreamEvent.New(user, StreamEvent.TIMELINE_POST, "{\"postId\":3}")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.events.size() == 3);
        assertThat(sink.events).extracting(StreamEvent::type)
                .containsExactly(StreamEvent.READY, StreamEvent.NOTIFICATION, StreamEvent.TIMELINE_POST);
        assertThat(sink.events.get(1).data()).isEqualTo("{\"id\":1}");
    }

    /** A stream is registered before it starts: its user's events may wake it before it has sent ready. */
    @Test
    void aWakeUpBeforeTheStreamStartedWaitsForItsReady() {
        UUID user = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        StreamConnection connection = new StreamConnection(user, sink, log, Runnable::run, 64, () -> { });
        log.open(user);
        log.append(List.of(new StreamEvent.New(user, StreamEvent.NOTIFICATION, "{\"id\":1}")));
        connection.wake();
        assertThat(sink.completed).as("not ended by the early wake-up").isFalse();
        connection.start(java.util.Optional.empty());
        log.append(List.of(new StreamEvent.New(user, StreamEvent.NOTIFICATION, "{\"id\":2}")));
        connection.wake();
        assertThat(sink.events).extracting(StreamEvent::type).containsExactly(StreamEvent.READY, StreamEvent.NOTIFICATION);
        assertThat(sink.events.get(1).data()).isEqualTo("{\"id\":2}");
    }

    @Test
    void theLimitPerUserCountsEveryTransportAndAClosedOneFreesItsPlace() {
        UUID user = UUID.randomUUID();
        StreamConnection first = connections.open(user, new RecordingSink());
        connections.openSse(user, emitter -> new RecordingSink());
        assertThat(connections.atLimit(user)).isTrue();
        assertThatThrownBy(() -> connections.open(user, new RecordingSink())).isInstanceOf(TooManyStreams.class);
        assertThat(connections.atLimit(UUID.randomUUID())).as("per user").isFalse();
        first.closed();
        assertThat(connections.openStreams(user)).isEqualTo(1);
        connections.open(user, new RecordingSink());
    }

    @Test
    void heartbeatsGoOutUntilTheMaximumDurationEndsTheStream() {
        UUID user = UUID.randomUUID();
        RecordingSink sink = new RecordingSink();
        connections.open(user, sink);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.heartbeats >= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.completed);
        assertThat(connections.openStreams(user)).isZero();
    }

    private static final class RecordingSink implements StreamSink {

        final List<StreamEvent> events = new CopyOnWriteArrayList<>();
        volatile int heartbeats;
        volatile boolean completed;

        @Override
        public void send(StreamEvent event) {
            events.add(event);
        }

        @Override
        public void heartbeat() {
            heartbeats++;
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void fail(Exception error) {
            completed = true;
        }
    }
}
