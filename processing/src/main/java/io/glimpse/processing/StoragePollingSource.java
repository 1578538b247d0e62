package io.glimpse.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as a node sees it whose events are stored by other nodes (a query node). Axon's
 * embedded event store wakes its readers when this JVM commits, and otherwise looks for new events
 * only every second (its fetch delay): a query node would see a command node's write up to a
 * second late, and every write would wait that long for its read models (the first scale-out
 * benchmark: 53 likes/s, p50 905 ms). This reads the storage engine itself, from the last token,
 * and asks again every {@code pollInterval} while there is nothing new. Tokens, gaps and batches
 * are the engine's own. Nothing of Axon is replaced: the event store stays the bean Axon builds,
 * and only the processors' stream comes from here.
 */
final class StoragePollingSource implements TokensOfTheStore {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final EventStorageEngine storage;
    private final Duration pollInterval;

    StoragePollingSource(StreamableMessageSource<TrackedEventMessage<?>> store, EventStorageEngine storage,
                         Duration pollInterval) {
        this.store = store;
        this.storage = storage;
        this.pollInterval = pollInterval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PolledStream(trackingToken);
    }

    @Override
    public StreamableMessageSource<TrackedEventMessage<?>> store() {
        return store;
    }

    private final class PolledStream implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> stream;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        PolledStream(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(fetch() ? next : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!fetch()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, pollInterval.toNanos()));
            }
            return true;
        }

        /** Whether an event is at hand: from the open stream, or from a new one when that one ran out. */
        private boolean fetch() {
            if (next != null) {
                return true;
            }
            if (events == null) {
                stream = storage.readEvents(last, false);
                events = stream.iterator();
            }
            if (events.hasNext()) {
                next = events.next();
                return true;
            }
            closeStream();
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                // nothing new yet
            }
            TrackedEventMessage<?> event = next;
            next = null;
            last = event.trackingToken();
            return event;
        }

        private void closeStream() {
            if (stream != null) {
                stream.close();
            }
            stream = null;
            events = null;
        }

        @Override
        public void close() {
            closeStream();
        }
    }
}
