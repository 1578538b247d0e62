package io.glimpse.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the tracking processors read it: every stream is read ahead, and its events
 * deserialized, on a thread of its own, into a buffer of {@code capacity} events that the
 * processor takes them from. A tracking processor otherwise reads, deserializes and handles each
 * event on one thread; reading and deserializing were a quarter of a replay's time, and with them
 * on the second core a replay runs that much faster.
 *
 * <p>The reader is never interrupted, because an interrupt during H2's file I/O closes the
 * embedded database: closing a stream asks it to stop, and it does within {@value #POLL_MILLIS} ms.
 * A failure to read reaches the processor once it has taken the events read before it, so the
 * processor's own error handling (back off, reopen the stream) goes on as without read-ahead.
 */
final class ReadAheadEventSource implements TokensOfTheStore {

    private static final long POLL_MILLIS = 100;

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int capacity;

    ReadAheadEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadAheadStream(store.openStream(trackingToken), capacity,
                "ReadAhead[" + Thread.currentThread().getName() + "]");
    }

    @Override
    public StreamableMessageSource<TrackedEventMessage<?>> store() {
        return store;
    }

    /** One stream: the reader thread alone touches {@code source}; the processor's thread alone {@code next}. */
    static final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        private static final Logger log = LoggerFactory.getLogger(ReadAheadStream.class);

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final BlockingQueue<TrackedEventMessage<?>> buffer;
        private final Thread reader;
        private volatile boolean closed;
        private volatile RuntimeException failure;
        private TrackedEventMessage<?> next;

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, String name) {
            this.source = source;
            this.buffer = new ArrayBlockingQueue<>(capacity);
            this.reader = new Thread(this::readAhead, name);
            reader.setDaemon(true);
            reader.start();
        }

        private void readAhead() {
            try {
                while (!closed) {
                    if (source.hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = source.nextAvailable();
                        deserialize(event);
                        while (!closed && !buffer.offer(event, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                            // the processor is busy: wait for room
                        }
                    }
                }
            } catch (InterruptedException e) {
                failure = new IllegalStateException("Reading the event stream ahead was interrupted", e);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                source.close();
            }
        }

        /** What the processor would otherwise do on its own thread; if it fails, the processor meets it there. */
        private static void deserialize(TrackedEventMessage<?> event) {
            try {
                event.getPayload();
                event.getMetaData();
                event.getTimestamp();
            } catch (RuntimeException e) {
                log.debug("Event {} left for the processor to deserialize", event.getIdentifier(), e);
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (next == null) {
                next = buffer.poll();
                failIfNone();
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next == null) {
                next = buffer.poll(timeout, unit);
                failIfNone();
            }
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                // wait for the reader
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        /** The reader's failure, once every event read before it has been taken. */
        private void failIfNone() {
            RuntimeException cause = failure;
            if (next == null && cause != null && buffer.isEmpty()) {
                throw cause;
            }
        }

        @Override
        public void close() {
            closed = true;
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
