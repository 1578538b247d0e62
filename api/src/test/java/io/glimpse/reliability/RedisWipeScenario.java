package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Redis wiped (FLUSHALL) under a timeline read load, with the redis profile: every timeline must
 * come back complete without a person. Measures how long until reads are complete again and until
 * Redis holds the rebuilt timelines (the store's intact marker is back).
 */
final class RedisWipeScenario {

    private static final int USERS = 20;
    private static final int FOLLOWS_EACH = 5;
    private static final int POSTS_EACH = 3;

    private final Report report;

    RedisWipeScenario(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        report.line("## Redis wiped under read load");
        report.line("");
        try (PrivateRedis redis = new PrivateRedis();
             GlimpseJar jar = new GlimpseJar("redis", List.of("--spring.profiles.active=redis",
                     "--spring.data.redis.port=" + redis.port()))) {
            jar.start();
            Http http = new Http(jar.port());
            String admin = Ledger.user(Ledger.signUp(http, GlimpseJar.ADMIN)).token();
            Ledger ledger = new Ledger();
            WriteLoad.seed(http, ledger, "reader", USERS);
            List<Ledger.User> users = ledger.users();
            for (int i = 0; i < USERS; i++) {
                for (int step = 1; step <= FOLLOWS_EACH; step++) {
                    Ledger.User followee = users.get((i + step) % USERS);
                    require(http.send("POST", "/api/users/" + followee.username() + "/follow", users.get(i).token(), null), 204);
                }
            }
            for (Ledger.User user : users) {
                for (int post = 0; post < POSTS_EACH; post++) {
                    require(http.send("POST", "/api/posts", user.token(), Map.of("caption", "Timeline post " + post)), 201);
                }
            }
            new ReadModels(http, admin, null).awaitCaughtUp(120);
            Map<String, List<String>> expected = new HashMap<>();
            for (Ledger.User user : users) {
                expected.put(user.username(), timeline(http, user));
            }
            int timelineKeys = timelineKeys(redis);
            report.line(USERS + " users, each following " + FOLLOWS_EACH + " and with " + POSTS_EACH + " posts: "
                    + "timelines of " + (POSTS_EACH * (FOLLOWS_EACH + 1)) + " posts, " + timelineKeys
                    + " timeline keys in a private Redis. 4 clients read random users' first timeline page "
                    + "(100 entries) with a 5 ms pause; each answer is compared with the timeline read before the wipe.");
            report.line("");

            try (ReadLoad load = new ReadLoad(http, ReadLoad.of(users, user -> timelineAnswer(http, user),
                    (user, answer) -> ids(answer).equals(expected.get(user.username()))), 4).start()) {
                Thread.sleep(2_000);
                long wiped = System.nanoTime();
                report.check("OK".equals(redis.cli("flushall")), "FLUSHALL failed");
                long sweepNanos = awaitEveryTimelineComplete(http, users, expected, wiped);
                long rebuiltNanos = awaitIntact(redis, wiped);
                Thread.sleep(2_000);
                load.close();
                long lastIncomplete = load.lastIncompleteNanos();
                report.line("| figure | value |");
                report.line("|---|---|");
                report.line("| timeline reads during the run | " + (load.complete() + load.incomplete()) + " complete: "
                        + load.complete() + ", incomplete: " + load.incomplete() + ", answers by status: " + load.statuses() + " |");
                report.line("| last incomplete read after the wipe | " + (lastIncomplete > wiped
                        ? millis(lastIncomplete - wiped) + " ms" : "none") + " |");
                report.line("| every user's timeline read back complete after | " + millis(sweepNanos - wiped) + " ms |");
                report.line("| Redis rebuilt (intact marker back, by the timeline guard's replay) after | "
                        + millis(rebuiltNanos - wiped) + " ms |");
                int keysAfter = timelineKeys(redis);
                report.line("| timeline keys in Redis before / after | " + timelineKeys + " / " + keysAfter + " |");
                report.line("");
                report.check(keysAfter == timelineKeys, "Redis holds " + keysAfter + " timeline keys after the rebuild, "
                        + timelineKeys + " before the wipe");
                report.check(load.unclean().isEmpty(), "unclean answers while Redis was rebuilt: " + load.unclean());
                List<String> stillIncomplete = new ArrayList<>();
                for (Ledger.User user : users) {
                    if (!timeline(http, user).equals(expected.get(user.username()))) {
                        stillIncomplete.add(user.username());
                    }
                }
                report.check(stillIncomplete.isEmpty(), "timelines incomplete after the rebuild: " + stillIncomplete);
            }
        }
    }

    private static long awaitIntact(PrivateRedis redis, long since) {
        long deadline = since + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!redis.cli("--scan", "--pattern", "*timeline:intact").isEmpty()) {
                return System.nanoTime();
            }
            Processes.sleep(50);
        }
        throw new IllegalStateException("Redis was not rebuilt within 3 minutes");
    }

    /** The first moment after the wipe at which a sweep over every user read each timeline complete. */
    private static long awaitEveryTimelineComplete(Http http, List<Ledger.User> users, Map<String, List<String>> expected,
                                                   long since) {
        long deadline = since + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            boolean all = users.stream().allMatch(user -> timeline(http, user).equals(expected.get(user.username())));
            if (all) {
                return System.nanoTime();
            }
            Processes.sleep(50);
        }
        throw new IllegalStateException("Timelines were not complete within 3 minutes of the wipe");
    }

    private static int timelineKeys(PrivateRedis redis) {
        return (int) redis.cli("--scan", "--pattern", "*timeline:*").lines()
                .filter(key -> !key.endsWith("timeline:intact")).count();
    }

    private static Http.Answer timelineAnswer(Http http, Ledger.User user) {
        return http.send("GET", "/api/timeline?limit=100", user.token(), null);
    }

    private static List<String> timeline(Http http, Ledger.User user) {
        Http.Answer answer = timelineAnswer(http, user);
        return answer.status() == 200 ? ids(answer) : List.of("status " + answer.status());
    }

    private static List<String> ids(Http.Answer answer) {
        return answer.items().stream().map(item -> (String) item.get("id")).toList();
    }

    private static void require(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + answer.describe());
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
