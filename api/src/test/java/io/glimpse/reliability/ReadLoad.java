package io.glimpse.reliability;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A read load: a few clients, each sending one read at a time, each answer judged against what it
 * should be. Counts answers that were complete, incomplete (200 but not what was expected) and
 * errors by status, and keeps any error but a clean refusal ({@link Http#cleanRefusal}).
 */
final class ReadLoad extends ClientLoad {

    /** One read: sends it and says whether a 200's body is complete. */
    interface Read {
        Http.Answer send(Http http);

        boolean complete(Http.Answer answer);
    }

    private final Http http;
    private final List<Read> reads;
    private final AtomicInteger complete = new AtomicInteger();
    private final AtomicInteger incomplete = new AtomicInteger();
    private volatile long lastIncompleteNanos;
    private volatile long lastErrorNanos;

    ReadLoad(Http http, List<Read> reads, int clients) {
        super("read-load", clients);
        this.http = http;
        this.reads = reads;
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
        startClients();
        return this;
    }

    @Override
    void run() {
        while (running()) {
            Read read = reads.get(ThreadLocalRandom.current().nextInt(reads.size()));
            Http.Answer answer = count(read.send(http));
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
}
