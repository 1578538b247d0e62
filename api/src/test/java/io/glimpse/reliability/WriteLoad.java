package io.glimpse.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded write load: a few clients, each sending one write at a time with a pause between,
 * as random users: posts (with a tag), likes, comments, follows and sign-ups. What the application
 * acknowledges goes into the {@link Ledger}; every answer is counted by status, and any error but a
 * clean refusal ({@link Http#cleanRefusal}) is kept as unclean.
 */
final class WriteLoad extends ClientLoad {

    static final int TAGS = 5;

    private final Http http;
    private final Ledger ledger;
    private final long pauseMillis;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile long lastFailureNanos;

    WriteLoad(Http http, Ledger ledger, int clients, long pauseMillis) {
        super("write-load", clients);
        this.http = http;
        this.ledger = ledger;
        this.pauseMillis = pauseMillis;
    }

    /** Signs up {@code count} users to act as, one by one. */
    static void seed(Http http, Ledger ledger, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            Http.Answer answer = Ledger.signUp(http, prefix + "_" + i);
            if (answer.status() != 201) {
                throw new IllegalStateException("Could not register " + prefix + "_" + i + ": " + answer.describe());
            }
            ledger.add(Ledger.user(answer));
        }
    }

    WriteLoad start() {
        startClients();
        return this;
    }

    @Override
    void run() {
        String prefix = Thread.currentThread().getName().replace("write-load-", "w") + "_" + System.nanoTime() % 100_000;
        while (running()) {
            writeOnce(prefix);
            Processes.sleep(pauseMillis);
        }
    }

    private void writeOnce(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Ledger.User actor = ledger.anyUser();
        Ledger.Post post = ledger.anyPost();
        int dice = random.nextInt(100);
        if (dice < 30 || post == null) {
            Http.Answer answer = count(http.send("POST", "/api/posts", actor.token(),
                    Map.of("caption", "Under load " + sequence.incrementAndGet() + " #tag" + random.nextInt(TAGS))));
            if (answer.status() == 201) {
                ledger.add(new Ledger.Post((String) answer.json().get("id"), actor));
            }
        } else if (dice < 60) {
            if (count(http.send("POST", "/api/posts/" + post.id() + "/likes", actor.token(), null)).status() == 204) {
                ledger.add(new Ledger.Like(actor, post));
            }
        } else if (dice < 80) {
            Http.Answer answer = count(http.send("POST", "/api/posts/" + post.id() + "/comments", actor.token(),
                    Map.of("text", "A comment under load")));
            if (answer.status() == 201) {
                ledger.add(new Ledger.Comment((String) answer.json().get("id"), post));
            }
        } else if (dice < 95) {
            Ledger.User followee = ledger.anyUser();
            if (!followee.equals(actor) && count(http.send("POST", "/api/users/" + followee.username() + "/follow",
                    actor.token(), null)).status() == 204) {
                ledger.add(new Ledger.Follow(actor, followee));
            }
        } else {
            Http.Answer answer = count(Ledger.signUp(http, prefix + "_" + sequence.incrementAndGet()));
            if (answer.status() == 201) {
                ledger.add(Ledger.user(answer));
            }
        }
    }

    @Override
    Http.Answer count(Http.Answer answer) {
        if (answer.status() >= 400 || answer.status() < 0) {
            lastFailureNanos = System.nanoTime();
        }
        return super.count(answer);
    }

    /** System.nanoTime() of the last write that was not acknowledged, or 0. */
    long lastFailureNanos() {
        return lastFailureNanos;
    }
}
