package io.glimpse.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scale-out (issue 20): the jar as two command and two query nodes (glimpse.role) on one private
 * PostgreSQL and Redis and one Elasticsearch. Concurrent likes and follows sent to both command
 * nodes at once (the same like from both) give exact counters and never a 5xx; the query nodes
 * share the processors' segments; one of them gets SIGKILL under write load, the other claims its
 * segments within the claim timeout, and every acknowledged write is read back, every counter
 * equals its rows and the read models equal a full replay asked for with all nodes up again.
 */
final class ClusterScenario {

    private static final int USERS = 20;
    /** The token store's claim timeout and the interval at which free threads look for segments. */
    private static final int CLAIM_TIMEOUT_SECONDS = 5;
    private static final int CLAIM_INTERVAL_SECONDS = 1;

    private final Report report;

    ClusterScenario(Report report) {
        this.report = report;
    }

    void run() throws Exception {
        report.line("## Two command and two query nodes on one PostgreSQL, Redis and Elasticsearch");
        report.line("");
        try (PrivatePostgres postgres = new PrivatePostgres();
             PrivateRedis redis = new PrivateRedis();
             ClusterSearch search = new ClusterSearch();
             GlimpseJar query1 = node("cluster-query-1", "query", postgres, redis, search);
             GlimpseJar query2 = node("cluster-query-2", "query", postgres, redis, search);
             GlimpseJar command1 = node("cluster-command-1", "command", postgres, redis, search);
             GlimpseJar command2 = node("cluster-command-2", "command", postgres, redis, search)) {
            long began = System.nanoTime();
            query1.start(); // first alone: it migrates the schema and creates the search index
            startTogether(List.of(query2, command1, command2));
            report.line("Four JVMs up in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began) + " s.");
            report.line("");
            ClusterRouter router = new ClusterRouter(List.of(command1.port(), command2.port()),
                    List.of(query1.port(), query2.port()));
            Http http = new Http(router);
            String admin = Ledger.user(Ledger.signUp(http, GlimpseJar.ADMIN)).token();
            ReadModels readModels = new ReadModels(http, admin, postgres::connect);
            checkRoles(command1, query1, admin);
            Ledger ledger = new Ledger();
            WriteLoad.seed(http, ledger, "cluster", USERS);
            Http first = new Http(command1.port());
            Http second = new Http(command2.port());
            uniqueAcrossNodes(first, second);
            exactCounters(http, ledger, first, second, readModels);
            takeOver(http, ledger, readModels, router, query1, query2, admin);
        }
    }

    private static GlimpseJar node(String name, String role, PrivatePostgres postgres, PrivateRedis redis,
                                   ClusterSearch search) throws java.io.IOException {
        return GlimpseJar.onPostgres(name, postgres, "--spring.profiles.active=postgres,redis,elasticsearch",
                "--glimpse.role=" + role,
                "--spring.data.redis.port=" + redis.port(),
                "--spring.elasticsearch.uris=" + search.uri, "--glimpse.search.index-prefix=" + search.prefix,
                "--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT_SECONDS + "s",
                "--glimpse.cluster.token-claim-interval=" + CLAIM_INTERVAL_SECONDS + "s",
                "--glimpse.cluster.balance-interval=2s",
                "--glimpse.cluster.threads=4",
                "--glimpse.cluster.segments.media-worker=2",
                // Longer than a takeover (claim timeout + claim interval): a write whose read model's
                // segment was on the dead node still reads back what it stored (docs/production.md).
                "--glimpse.consistency.timeout=15s",
                // Four JVMs share the private cluster's 60 connections.
                "--spring.datasource.hikari.maximum-pool-size=12");
    }

    private static void startTogether(List<GlimpseJar> jars) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(jars.size());
        try {
            List<Future<Long>> started = new ArrayList<>();
            for (GlimpseJar jar : jars) {
                started.add(starts.submit(jar::start));
            }
            for (Future<Long> start : started) {
                start.get();
            }
        } finally {
            starts.shutdownNow();
        }
    }

    /**
     * A read at a command node and a write at a query node are 421 problem+json naming the role
     * that serves them; on the Mastodon API, 421 with Mastodon's {@code {"error"}}.
     */
    private void checkRoles(GlimpseJar command, GlimpseJar query, String admin) {
        Http.Answer read = new Http(command.port()).send("GET", "/api/auth/me", admin, null);
        Http.Answer write = new Http(query.port()).send("POST", "/api/posts", admin, Map.of("caption", "misdirected"));
        Http.Answer mastodon = new Http(command.port()).send("GET", "/api/v1/timelines/home", admin, null);
        report.check(read.status() == 421 && read.isProblem() && "query".equals(read.json().get("servedBy")),
                "a read at a command node: " + read.describe());
        report.check(write.status() == 421 && write.isProblem() && "command".equals(write.json().get("servedBy")),
                "a write at a query node: " + write.describe());
        report.check(mastodon.status() == 421 && !mastodon.isProblem() && mastodon.json().get("error") instanceof String,
                "a Mastodon read at a command node: " + mastodon.describe());
        report.line("A read at a command node: " + read.status() + "; a write at a query node: " + write.status() + ".");
        report.line("");
    }

    /**
     * The same username signed up through both command nodes at the same moment, five times:
     * each time exactly one 201 and one 409 (the claims are primary keys in the one database).
     */
    private void uniqueAcrossNodes(Http first, Http second) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 5; i++) {
                String username = "twice_" + i;
                List<Future<Http.Answer>> answers = clients.invokeAll(List.of(
                        () -> Ledger.signUp(first, username), () -> Ledger.signUp(second, username)));
                for (Future<Http.Answer> answer : answers) {
                    count(statuses, answer.get());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        report.line("Five usernames each signed up through both command nodes at once: answers " + counted + ".");
        report.line("");
        report.check(counted.equals(Map.of(201, 5, 409, 5)), "one username through two nodes: " + counted);
    }

    /**
     * Every user likes one post and follows one user, each request sent to both command nodes at
     * the same moment: one aggregate, two nodes. Every answer is 204 (a lost race is retried), and
     * the counters equal the number of users.
     */
    private void exactCounters(Http http, Ledger ledger, Http first, Http second, ReadModels readModels) throws Exception {
        List<Ledger.User> users = ledger.users();
        Ledger.User author = users.get(0);
        Ledger.User followee = users.get(1);
        String post = (String) http.send("POST", "/api/posts", author.token(), Map.of("caption", "Liked by all")).json().get("id");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Ledger.User user : users) {
                for (Http node : List.of(first, second)) {
                    sent.add(clients.submit(() -> count(statuses, node.send("POST", "/api/posts/" + post + "/likes", user.token(), null))));
                    if (!user.equals(followee)) {
                        sent.add(clients.submit(() -> count(statuses, node.send("POST",
                                "/api/users/" + followee.username() + "/follow", user.token(), null))));
                    }
                }
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            clients.shutdownNow();
        }
        readModels.awaitCaughtUp(120);
        Object likes = http.read("/api/posts/" + post, null).get("likesCount");
        Object followers = http.read("/api/users/" + followee.username(), null).get("followersCount");
        report.line("Each of " + users.size() + " users liked one post and followed one user through both command nodes "
                + "at once: answers " + new TreeMap<>(statuses) + "; likesCount " + likes + " (expected " + users.size()
                + "), followersCount " + followers + " (expected " + (users.size() - 1) + ").");
        report.line("");
        report.check(statuses.keySet().equals(java.util.Set.of(204)), "concurrent likes and follows answered " + statuses);
        report.check(likes instanceof Number n && n.intValue() == users.size(), "likesCount " + likes + ", not " + users.size());
        report.check(followers instanceof Number n && n.intValue() == users.size() - 1,
                "followersCount " + followers + ", not " + (users.size() - 1));
    }

    private static void count(Map<Integer, AtomicInteger> statuses, Http.Answer answer) {
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
    }

    private void takeOver(Http http, Ledger ledger, ReadModels readModels, ClusterRouter router,
                          GlimpseJar survivor, GlimpseJar victim, String admin) throws Exception {
        String victimOwner = victim.pid() + "@";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (SegmentOwners.held(http, admin, victimOwner) == 0 && System.nanoTime() < deadline) {
            Processes.sleep(500);
        }
        segmentChange(http, admin, "split", 3);
        Map<String, Integer> before = SegmentOwners.count(http, admin);
        report.line("Segments per node before the kill (balanced by heartbeats): " + before + ".");
        report.check(SegmentOwners.held(http, admin, victimOwner) > 0, "the second query node never got a segment: " + before);
        WriteLoad load = new WriteLoad(http, ledger, 4, 10).start();
        Processes.sleep(3_000);
        router.takeOut(victim.port());
        victim.kill9();
        long killed = System.nanoTime();
        long takenOver = -1;
        while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
            Map<String, Integer> owners = SegmentOwners.count(http, admin);
            if (owners.keySet().stream().noneMatch(owner -> owner.startsWith(victimOwner) || owner.equals("none"))) {
                takenOver = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
                break;
            }
            Processes.sleep(200);
        }
        Processes.sleep(2_000);
        load.close();
        long bound = TimeUnit.SECONDS.toMillis(CLAIM_TIMEOUT_SECONDS + 2L * CLAIM_INTERVAL_SECONDS) + 5_000;
        report.line("A query node got SIGKILL under write load; its segments were all claimed by the other "
                + (takenOver < 0 ? "never (60 s)" : takenOver + " ms later") + " (claim timeout " + CLAIM_TIMEOUT_SECONDS
                + " s, claim interval " + CLAIM_INTERVAL_SECONDS + " s).");
        report.check(takenOver >= 0 && takenOver <= bound, "segments taken over after " + takenOver + " ms, bound " + bound);
        verify(http, ledger, readModels, load, "after the kill");
        victim.start();
        router.putBack(victim.port());
        List<String> differences = Convergence.againstReplay(readModels);
        report.line("With all four nodes up again, every projection replayed from the admin API: "
                + differences.size() + " differences from the state before.");
        report.line("");
        report.check(differences.isEmpty(), "read models after a replay with all nodes up differ: " + differences);
        segmentChange(http, admin, "merge", 2);
        report.check(readModels.deadLetters().isEmpty(), "events parked as dead letters: " + readModels.deadLetters());
    }

    private void verify(Http http, Ledger ledger, ReadModels readModels, WriteLoad load, String when) {
        long catchUp = readModels.awaitCaughtUp(180);
        List<Ledger.Tally> tallies = ledger.verify(http);
        int lost = tallies.stream().mapToInt(tally -> tally.lost().size()).sum();
        List<String> counters = readModels.counterMismatches();
        report.line("Writes acknowledged: " + ledger.size() + ", answers " + new TreeMap<>(load.statuses()) + "; " + when
                + ": caught up in " + catchUp + " ms, lost " + lost + ", counters off " + counters.size() + ".");
        report.line("");
        report.check(lost == 0, when + ": acknowledged writes lost: " + tallies);
        report.check(counters.isEmpty(), when + ": counters off (an event projected twice or not at all): " + counters);
        report.check(load.unclean().isEmpty(), when + ": unclean error answers: " + load.unclean());
    }

    /** Splits or merges media-worker's segment 0 through the admin API, with every node running it. */
    private void segmentChange(Http http, String admin, String change, int expected) {
        Http.Answer answer = http.send("POST", "/api/admin/projections/media-worker/segments/0/" + change, admin, null);
        int segments = answer.status() == 200 ? answer.items().size() : -1;
        report.line("media-worker's segment 0 " + change + " through the admin API with the other nodes running it: "
                + answer.status() + ", " + segments + " segments.");
        report.line("");
        report.check(segments == expected, change + " of media-worker: " + answer.describe());
    }
}
