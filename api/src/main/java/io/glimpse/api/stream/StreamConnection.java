package io.glimpse.api.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream. It holds no queue of its own: it remembers the id of the last event it sent
 * and, when woken, sends what its user's log has after it, at most {@code batch} at a time, so its
 * memory stays the same however far behind it is. A stream that fell behind the log (a slow reader,
 * or a resume from too long ago) gets a {@code reset} and goes on from the log's newest event.
 * Wake-ups and heartbeats run one at a time per stream on the delivery threads; a wake-up that
 * comes while it is sending makes it look again afterwards. What it sends goes to its
 * {@link StreamSink}, which writes it in its client's format (SSE, a Mastodon WebSocket...).
 */
public final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    private final UUID userId;
    private final StreamSink sink;
    private final StreamLog streamLog;
    private final Executor delivery;
    private final int batch;
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;
    private final long openedAt = System.nanoTime();
    /**
     * Set once {@code ready} is sent: the stream is registered (and may be woken by its user's
     * events) before it starts, and until then there is nothing to send after.
     */
    private volatile boolean started;
    private StreamId lastSent;

    StreamConnection(UUID userId, StreamSink sink, StreamLog streamLog, Executor delivery, int batch,
                     Runnable onClose) {
        this.userId = userId;
        this.sink = sink;
        this.streamLog = streamLog;
        this.delivery = delivery;
        this.batch = batch;
        this.onClose = onClose;
    }

    UUID userId() {
        return userId;
    }

    long openedAt() {
        return openedAt;
    }

    /**
     * Sends {@code ready} with the id to resume from ({@code lastEventId} when the client gave one
     * this server could have sent, else the newest in the log), then whatever followed it.
     */
    void start(Optional<StreamId> lastEventId) {
        StreamId newest = StreamId.parse(streamLog.open(userId)).orElseThrow();
        lastSent = lastEventId.orElse(newest);
        try {
            send(new StreamEvent(lastSent.toString(), StreamEvent.READY, "{\"resumed\":" + lastEventId.isPresent() + "}"));
            started = true;
            wake();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** New events may be in the log. */
    void wake() {
        if (wakeUps.getAndIncrement() == 0) {
            delivery.execute(this::run);
        }
    }

    void heartbeat() {
        heartbeatDue.set(true);
        wake();
    }

    /** Ends the stream from the server's side (shutdown, or it lasted its maximum duration). */
    void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
            sink.complete();
        }
    }

    /** The connection ended on the client's side or by its transport (the SSE emitter's callbacks, a closed WebSocket). */
    public void closed() {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    private void run() {
        int seen;
        do {
            seen = wakeUps.get();
            if (!closed.get()) {
                deliver();
            }
        } while (wakeUps.addAndGet(-seen) != 0);
    }

    private void deliver() {
        if (!started) {
            return; // start() wakes it once ready is sent
        }
        try {
            if (heartbeatDue.getAndSet(false)) {
                sink.heartbeat();
            }
            List<StreamEvent> events;
            do {
                Optional<List<StreamEvent>> later = streamLog.after(userId, lastSent, batch);
                if (later.isEmpty()) {
                    reset();
                    return;
                }
                events = later.get();
                for (StreamEvent event : events) {
                    if (!event.isMark()) {
                        send(event);
                    }
                    lastSent = StreamId.parse(event.id()).orElseThrow();
                }
            } while (events.size() == batch);
        } catch (IOException | RuntimeException e) {
            // Mostly the client went away; also a Redis failure, after which the client reconnects and resumes.
            log.debug("Stream of {} ended", userId, e);
            fail(e);
        }
    }

    /** The client missed events that are gone: it must reload, and then goes on from here. */
    private void reset() throws IOException {
        lastSent = StreamId.parse(streamLog.open(userId)).orElseThrow();
        send(new StreamEvent(lastSent.toString(), StreamEvent.RESET, "{\"reason\":\"missed events are no longer kept\"}"));
    }

    private void send(StreamEvent event) throws IOException {
        sink.send(event);
    }

    private void fail(Exception e) {
        if (closed.compareAndSet(false, true)) {
            onClose.run();
            sink.fail(e);
        }
    }
}
