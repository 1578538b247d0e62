package io.glimpse.api.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * This node's open streams, by user, whatever their transport: the native SSE stream and the
 * Mastodon streaming API (SSE or WebSocket) count alike against the limit per user. Streams are
 * async (SseEmitter, WebSocket): none holds a request thread while open; a few delivery threads
 * write to all of them, and one timer sends the heartbeats and ends streams that lasted their
 * maximum duration.
 */
@Component
public class StreamConnections implements DisposableBean {

    /** Events one stream reads from the log per step: what a stream holds in memory at most. */
    static final int BATCH = 64;

    private final ConcurrentHashMap<UUID, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final StreamLog streamLog;
    private final StreamProperties properties;
    private final ExecutorService delivery;
    private final ScheduledExecutorService heartbeats;

    StreamConnections(StreamLog streamLog, StreamProperties properties, MeterRegistry registry) {
        this.streamLog = streamLog;
        this.properties = properties;
        this.delivery = Executors.newFixedThreadPool(properties.deliveryThreads(), daemon("stream-delivery-"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("stream-heartbeat-"));
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        streamLog.onAppended(this::wake);
        Gauge.builder("glimpse.stream.open", open, AtomicInteger::get)
                .description("Open live streams on this node").register(registry);
    }

    /** Opens the native stream for the user, or refuses with 429 when they already hold the most allowed. */
    SseEmitter open(UUID userId, Optional<StreamId> lastEventId) {
        return openSse(userId, lastEventId, SseSink::new);
    }

    /**
     * Opens a stream as Server-Sent Events in another API's format, from now on (no resume);
     * {@link TooManyStreams} when the user already holds the most allowed.
     */
    public SseEmitter openSse(UUID userId, Function<SseEmitter, StreamSink> format) {
        return openSse(userId, Optional.empty(), format);
    }

    /**
     * Opens a stream from now on over a connection its caller keeps (a WebSocket), who calls
     * {@link StreamConnection#closed()} when it ends; {@link TooManyStreams} as above.
     */
    public StreamConnection open(UUID userId, StreamSink sink) {
        StreamConnection connection = register(userId, sink);
        connection.start(Optional.empty());
        return connection;
    }

    /** Whether the user holds as many streams on this node as allowed: a new one would be refused. */
    public boolean atLimit(UUID userId) {
        return openStreams(userId) >= properties.maxPerUser();
    }

    /** The user's open streams on this node, of every transport. */
    public int openStreams(UUID userId) {
        Set<StreamConnection> streams = byUser.get(userId);
        return streams == null ? 0 : streams.size();
    }

    private SseEmitter openSse(UUID userId, Optional<StreamId> lastEventId, Function<SseEmitter, StreamSink> format) {
        SseEmitter emitter = new SseEmitter(properties.maxDuration().toMillis());
        StreamConnection connection = register(userId, format.apply(emitter));
        emitter.onCompletion(connection::closed);
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> connection.closed());
        connection.start(lastEventId);
        return emitter;
    }

    private StreamConnection register(UUID userId, StreamSink sink) {
        StreamConnection[] created = new StreamConnection[1];
        byUser.compute(userId, (user, streams) -> {
            Set<StreamConnection> mine = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            if (mine.size() >= properties.maxPerUser()) {
                throw new TooManyStreams(properties.maxPerUser());
            }
            created[0] = new StreamConnection(userId, sink, streamLog, delivery, BATCH,
                    () -> forget(userId, created[0]));
            mine.add(created[0]);
            return mine;
        });
        open.incrementAndGet();
        return created[0];
    }

    int openStreams() {
        return open.get();
    }

    /** Wakes this node's streams of these users: their logs have new events. */
    void wake(Collection<UUID> userIds) {
        for (UUID userId : userIds) {
            Set<StreamConnection> streams = byUser.get(userId);
            if (streams != null) {
                streams.forEach(StreamConnection::wake);
            }
        }
    }

    private void heartbeat() {
        try {
            List<UUID> present = new ArrayList<>(byUser.keySet());
            long oldest = System.nanoTime() - properties.maxDuration().toNanos();
            byUser.values().forEach(streams -> List.copyOf(streams).forEach(stream -> {
                // SSE emitters time out by themselves; a WebSocket is ended here, and so a revoked
                // token stops receiving within the maximum duration on every transport.
                if (stream.openedAt() - oldest < 0) {
                    stream.close();
                } else {
                    stream.heartbeat();
                }
            }));
            streamLog.keepPresent(present);
        } catch (RuntimeException e) {
            // A Redis hiccup: the next beat tries again; a timer that threw would never run again.
            org.slf4j.LoggerFactory.getLogger(StreamConnections.class).warn("Stream heartbeat failed", e);
        }
    }

    private void forget(UUID userId, StreamConnection connection) {
        byUser.computeIfPresent(userId, (user, streams) -> {
            if (streams.remove(connection)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        byUser.values().forEach(streams -> List.copyOf(streams).forEach(StreamConnection::close));
        delivery.shutdown();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
