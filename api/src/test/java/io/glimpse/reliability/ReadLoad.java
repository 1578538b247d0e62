package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A read load: a few clients, each sending one read at a time, each answer judged against what it
 * should be. Counts answers that were complete, incomplete (200 but not what was expected) and
 * errors by status, and keeps any error but a clean refusal ({@link Http#cleanRefusal}).
 */
final class ReadLoad implements AutoCloseable {

    /** One read: sends it and says whether a 200's body is complete. */
    interface Read {
        Http.Answer send(Http http);

        boolean complete(Http.Answer answer);
    }

    private final Http http;
    private final List<Read> reads;
    private final List<Thread> clients = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> unclean = new ArrayList<>();
    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger incomplete = new AtomicInteger();
    private volatile long lastIncompleteNanos;
    private volatile long lastErrorNanos;
    private volatile boolean running = true;

    ReadLoad(Http http, List<Read> reads, int clients) {
        this.http = http;
        this.reads = reads;
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(this::run, "read-load-" + i);
            client.setDaemon(true);
            this.clients.add(client);
        }
    }

    static <T> List<Read> of(List<T> targets, Function<T, Http.Answer> send, java.util.function.BiPredicate<T, Http.Answer> complete) {
        return targets.stream().<Read>map(target -> new Read() {
            @Override
            public Http.Answer send(Http http) {
                return send.apply(target);
            }

            @Override
            public boolean complete(Http.Answer answer) {
                return complete.test(target, answer);
            }
        }).toList();
    }

    ReadLoad start() {
        clients.forEach(Thread::start);
        return this;
    }

    private void run() {
        while (running) {
            Read read = reads.get(ThreadLocalRandom.current().nextInt(reads.size()));
            Http.Answer answer = read.send(http);
            synchronized (statuses) {
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 400 && !Http.cleanRefusal(answer)) {
                    unclean.add(answer.describe());
                }
            }
            if (answer.status() == 200) {
                if (read.complete(answer)) {
                    complete.incrementAndGet();
                } else {
                    incomplete.incrementAndGet();
                    lastIncompleteNanos = System.nanoTime();
                }
            } else {
                lastErrorNanos = System.nanoTime();
            }
            Processes.sleep(5);
        }
    }

    int complete() {
        return complete.get();
    }

    int incomplete() {
        return incomplete.get();
    }

    /** System.nanoTime() of the last incomplete answer, or 0. */
    long lastIncompleteNanos() {
        return lastIncompleteNanos;
    }

    long lastErrorNanos() {
        return lastErrorNanos;
    }

    Map<Integer, Integer> statuses() {
        synchronized (statuses) {
            return new TreeMap<>(statuses);
        }
    }

    List<String> unclean() {
        synchronized (statuses) {
            return List.copyOf(unclean);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join();
        }
    }
}
