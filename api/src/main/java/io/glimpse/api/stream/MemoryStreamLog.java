package io.glimpse.api.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The stream log of the embedded default: in this node's memory, for this node's streams. */
class MemoryStreamLog implements StreamLog {

    private final ConcurrentHashMap<UUID, UserLog> logs = new ConcurrentHashMap<>();
    private final List<Consumer<Collection<UUID>>> doorbells = new CopyOnWriteArrayList<>();
    private final int retention;
    private final long windowMillis;
    private final Clock clock;

    MemoryStreamLog(int retention, Duration window, Clock clock) {
        this.retention = retention;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    @Override
    public Set<UUID> present(Collection<UUID> userIds) {
        Set<UUID> present = new LinkedHashSet<>();
        userIds.forEach(userId -> {
            if (logs.containsKey(userId)) {
                present.add(userId);
            }
        });
        return present;
    }

    @Override
    public void append(List<StreamEvent.New> events) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (StreamEvent.New event : events) {
            UserLog log = logs.get(event.userId());
            if (log != null) {
                log.add(event.type(), event.data());
                touched.add(event.userId());
            }
        }
        if (!touched.isEmpty()) {
            doorbells.forEach(doorbell -> doorbell.accept(touched));
        }
    }

    @Override
    public String open(UUID userId) {
        UserLog log = logs.computeIfAbsent(userId, id -> new UserLog());
        log.seen();
        return log.newestOrMark();
    }

    @Override
    public void keepPresent(Collection<UUID> userIds) {
        userIds.forEach(userId -> {
            UserLog log = logs.get(userId);
            if (log != null) {
                log.seen();
            }
        });
        expireAbsent();
    }

    @Override
    public Optional<List<StreamEvent>> after(UUID userId, StreamId lastId, int max) {
        UserLog log = logs.get(userId);
        return log == null ? Optional.empty() : log.after(lastId, max);
    }

    @Override
    public void onAppended(Consumer<Collection<UUID>> doorbell) {
        doorbells.add(doorbell);
    }

    /** Users gone for longer than the window lose their log; resuming from it then resets. */
    private void expireAbsent() {
        long horizon = clock.millis() - windowMillis;
        logs.values().removeIf(log -> log.lastSeen < horizon);
    }

    private final class UserLog {

        private final ArrayDeque<StreamEvent> events = new ArrayDeque<>();
        /** The first id of this log: an id before it comes from an earlier presence, whose later events are gone. */
        private StreamId since;
        private StreamId newest = StreamId.ZERO;
        private StreamId newestDropped = StreamId.ZERO;
        private volatile long lastSeen = clock.millis();

        synchronized void add(String type, String data) {
            newest = newest.next(clock.millis());
            events.addLast(new StreamEvent(newest.toString(), type, data));
            while (events.size() > retention) {
                newestDropped = StreamId.parse(events.removeFirst().id()).orElseThrow();
            }
        }

        synchronized String newestOrMark() {
            if (events.isEmpty()) {
                add(StreamEvent.MARK, "");
            }
            if (since == null) {
                since = newest;
            }
            return newest.toString();
        }

        void seen() {
            lastSeen = clock.millis();
        }

        synchronized Optional<List<StreamEvent>> after(StreamId lastId, int max) {
            if (since == null || lastId.compareTo(since) < 0 || newestDropped.compareTo(lastId) > 0) {
                return Optional.empty();
            }
            List<StreamEvent> later = new ArrayList<>();
            for (StreamEvent event : events) {
                if (later.size() == max) {
                    break;
                }
                if (StreamId.parse(event.id()).orElseThrow().compareTo(lastId) > 0) {
                    later.add(event);
                }
            }
            return Optional.of(later);
        }
    }
}
