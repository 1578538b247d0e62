package io.glimpse.api.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event source of the streaming processors on the embedded (JPA) event store: it wakes them as
 * soon as this instance commits events.
 *
 * <p>Why: a pooled streaming processor whose stream cannot announce new events looks for them every
 * 500 ms (Axon's {@code Coordinator}), and the embedded event store's streams cannot announce. So
 * every projection saw a new event 0–500 ms late, and every write waited that long for its
 * read-your-writes. These streams accept the announcement callback and call it after each local
 * commit, and every half second for events that another instance committed (as often as
 * before). Axon Server's streams announce by themselves and are not wrapped.
 */
final class WakeOnCommitEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /**
     * The store reads committed events into memory on a thread of its own; this is how long the
     * first look after a commit may wait for that thread.
     */
    private static final int WAIT_FOR_READER_MILLIS = 100;

    private final EventStore eventStore;
    private final Set<WakeableStream> openStreams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-source-poller");
        thread.setDaemon(true);
        return thread;
    });

    /** The source for this Axon configuration's event store, stopped when Axon shuts down. */
    static WakeOnCommitEventSource on(Configuration axon) {
        WakeOnCommitEventSource source = new WakeOnCommitEventSource(axon.eventStore(), POLL_INTERVAL);
        axon.onShutdown(source::close);
        return source;
    }

    WakeOnCommitEventSource(EventStore eventStore, Duration pollInterval) {
        this.eventStore = eventStore;
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> wakeAll(true));
            } else {
                wakeAll(true);
            }
        });
        poller.scheduleWithFixedDelay(() -> wakeAll(false),
                pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void wakeAll(boolean committedHere) {
        openStreams.forEach(stream -> stream.wake(committedHere));
    }

    @Override
    public TrackingEventStream openStream(TrackingToken token) {
        WakeableStream stream = new WakeableStream(eventStore.openStream(token));
        openStreams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    void close() {
        poller.shutdownNow();
    }

    private final class WakeableStream implements TrackingEventStream {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable onAvailable = () -> { };
        private volatile boolean committedSinceLastLook;

        private WakeableStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void wake(boolean committedHere) {
            if (committedHere) {
                committedSinceLastLook = true;
            }
            onAvailable.run();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (delegate.hasNextAvailable(timeout, unit)) {
                return true;
            }
            if (committedSinceLastLook) {
                committedSinceLastLook = false;
                return delegate.hasNextAvailable(WAIT_FOR_READER_MILLIS, TimeUnit.MILLISECONDS);
            }
            return false;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            openStreams.remove(this);
            delegate.close();
        }
    }
}
