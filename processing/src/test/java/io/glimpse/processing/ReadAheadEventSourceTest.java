package io.glimpse.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The read-ahead stream given a store's stream that is fed by the test. */
class ReadAheadEventSourceTest {

    private final FedStream store = new FedStream();
    private final ReadAheadEventSource source = new ReadAheadEventSource(new StreamableMessageSource<>() {
        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return store;
        }
    }, 3);
    private final BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

    @AfterEach
    void closeTheStream() {
        stream.close();
    }

    @Test
    void passesEveryEventOnInOrderThoughItsBufferHoldsFewer() throws InterruptedException {
        for (long i = 1; i <= 10; i++) {
            store.feed(i);
        }
        List<Long> positions = new ArrayList<>();
        while (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
            assertThat(stream.peek()).map(ReadAheadEventSourceTest::position).contains(positions.size() + 1L);
            positions.add(position(stream.nextAvailable()));
        }
        assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void waitsForEventsThatComeLater() throws InterruptedException {
        assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.peek()).isEmpty();
        store.feed(1);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(position(stream.nextAvailable())).isEqualTo(1);
    }

    @Test
    void deserializesOnItsOwnThread() throws InterruptedException {
        store.feed(1);
        assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
        assertThat(store.payloadsAskedForBy).singleElement().asString().startsWith("ReadAhead[");
    }

    @Test
    void aFailureToReadReachesTheProcessorAfterTheEventsReadBeforeIt() throws InterruptedException {
        store.feed(1);
        store.feed(2);
        store.failWith(new IllegalStateException("database gone"));

        assertThat(position(stream.nextAvailable())).isEqualTo(1);
        assertThat(position(stream.nextAvailable())).isEqualTo(2);
        assertThatThrownBy(() -> stream.hasNextAvailable(1, TimeUnit.SECONDS)).hasMessage("database gone");
        await().untilAsserted(() -> assertThat(store.closed).isTrue());
    }

    @Test
    void closingStopsTheReaderWithoutInterruptingIt() {
        stream.close();
        assertThat(store.closed).isTrue();
        assertThat(store.interrupted).isFalse();
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    /** A store's stream: hands out what the test feeds it, and remembers who asked for payloads. */
    private static final class FedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final LinkedBlockingDeque<Object> fed = new LinkedBlockingDeque<>();
        final List<String> payloadsAskedForBy = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile boolean interrupted;

        void feed(long position) {
            fed.add(new GenericTrackedEventMessage<String>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage("event " + position)) {
                @Override
                public String getPayload() {
                    payloadsAskedForBy.add(Thread.currentThread().getName());
                    return super.getPayload();
                }
            });
        }

        void failWith(RuntimeException failure) {
            fed.add(failure);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throw new UnsupportedOperationException("the reader does not peek");
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            try {
                Object head = fed.poll(timeout, unit);
                if (head == null) {
                    return false;
                }
                if (head instanceof RuntimeException failure) {
                    throw failure;
                }
                fed.putFirst(head);
                return true;
            } catch (InterruptedException e) {
                interrupted = true;
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return (TrackedEventMessage<?>) fed.poll();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
