package io.glimpse.benchmark;

import io.glimpse.api.support.GlimpseProcess;
import io.glimpse.api.support.GlimpseProcess.Account;
import io.glimpse.reliability.PrivatePostgres;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The write benchmark (scripts/benchmark-writes.sh; results in benchmark/results/writes*.md).
 * Starts Glimpse as a process of its own (on PostgreSQL with the redis profile, or on the
 * embedded default), registers users over HTTP (timed on its own: password hashing is slow on
 * purpose), gives each a post, then loads it from wrk (a separate process, {@code benchmark/writes.lua})
 * with each kind of write, at its maximum rate and paced at half of it, next to the trivial
 * endpoint and (on PostgreSQL) pgbench's insert-only transactions on the same server with the
 * same connection count. While each run lasts it samples how far every event processor is behind
 * the head; after it, how long they take to catch up. Finally it checks that no write was lost
 * or doubled: every counter equals its rows and what the event store holds.
 * <p>Every measured run follows a warm-up of the same load ({@code warmup} seconds, not measured), so
 * that it measures compiled code: with a 10 s warm-up of likes alone, the JIT compiler still took
 * an eighth of the server's CPU while likes were measured, and follows, comments and posts had
 * none.
 * <p>On PostgreSQL it starts a cluster of its own ({@link PrivatePostgres}: initdb's defaults, so
 * autovacuum on, as on any production server) rather than using the shared one on 5432, whose CI
 * settings turn autovacuum off. Without it the event table is never analysed, and the tracking
 * processors' query for events after their token or in their gaps ({@code global_index > ? or
 * global_index in (...)}) was planned as a scan of the whole table: 10 ms a call at 21,000 events,
 * most of PostgreSQL's time in a run of likes (pg_stat_statements), against 1.6 ms with autovacuum
 * on. (Glimpse now reads the gaps apart, {@code TunedJpaEventStorageEngine}.) That cluster loads
 * pg_stat_statements, so that each run also reports the statements a request cost PostgreSQL
 * ({@link PostgresStatements}).
 * <p>Options (system properties): database (postgres|embedded), connections, seconds,
 * warmup, users, kinds (likes,follows,comments,posts), serverJvm (extra JVM options for the server, e.g.
 * a JFR recording).
 */
public final class WriteBenchmark {

    private static final String DATABASE = System.getProperty("database", "postgres");
    private static final int CONNECTIONS = Integer.getInteger("connections", 32);
    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final int WARMUP = Integer.getInteger("warmup", 60);
    private static final int USERS = Integer.getInteger("users", 64);
    private static final List<String> KINDS = List.of(System.getProperty("kinds", "likes,follows,comments,posts").split(","));
    private static final String SERVER_JVM = System.getProperty("serverJvm", "");
    private static final String ADMIN = "bench_admin";
    private static final double LIKES_PER_SECOND_TARGET = 2_000;

    private final StringBuilder report = new StringBuilder();
    private final boolean onPostgres = DATABASE.equals("postgres");
    private GlimpseProcess server;
    private PrivatePostgres postgres;
    private PostgresStatements statements;
    private final Map<String, List<String>> mostRunAtMaximum = new LinkedHashMap<>();
    private String adminToken;
    private final Map<String, Wrk.Result> maxima = new HashMap<>();

    public static void main(String[] args) throws Exception {
        new WriteBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/writes.md"));
        System.exit(0);
    }

    private void run(Path output) throws Exception {
        Path dataDir = Files.createTempDirectory("glimpse-write-bench-");
        List<String> arguments = new ArrayList<>(List.of("--glimpse.security.admin-usernames=" + ADMIN));
        String keys = BenchmarkRedisKeys.prefix("writes");
        if (onPostgres) {
            postgres = new PrivatePostgres(PostgresStatements.LIBRARY);
            statements = new PostgresStatements(postgres.jdbcUrl());
            arguments.addAll(List.of("--spring.profiles.active=postgres,redis", "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=",
                    "--glimpse.timeline.redis-key-prefix=" + keys, "--glimpse.stream.redis-key-prefix=" + keys));
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        if (!SERVER_JVM.isBlank()) {
            jvm.addAll(Arrays.asList(SERVER_JVM.trim().split("\\s+")));
        }
        try (GlimpseProcess started = GlimpseProcess.start(dataDir, jvm, arguments)) {
            server = started;
            line("# Write benchmark: " + (onPostgres ? "PostgreSQL with the redis profile" : "embedded default (H2)"));
            line("");
            line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ". Glimpse as its own process (`-Xmx1g`"
                    + (onPostgres ? ", events and read models in a PostgreSQL cluster of its own on 127.0.0.1 with initdb's"
                    + " defaults (autovacuum on), timelines and rate limits in Redis"
                    : ", events and read models in H2 under a fresh data directory") + "), load from wrk over loopback"
                    + " (2 threads, " + CONNECTIONS + " connections, " + SECONDS + " s a run, each after " + WARMUP
                    + " s of the same load, not measured). "
                    + System.getProperty("bench.note", ""));
            line("");
            List<Account> users = registration();
            Path files = Files.createTempDirectory("glimpse-write-bench-files-");
            Path usersFile = files.resolve("users.txt");
            Files.write(usersFile, users.stream().map(u -> u.token() + " " + u.username()).toList());
            Path postsFile = files.resolve("posts.txt");
            List<String> posts = users.stream().map(u -> server.post(u.token(), "Target of the benchmark")).toList();
            Files.write(postsFile, posts);
            Path namesFile = files.resolve("names.txt");
            Files.write(namesFile, users.stream().map(Account::username).toList());
            Map<String, Path> targets = Map.of("likes", postsFile, "comments", postsFile, "follows", namesFile,
                    "posts", postsFile);

            Wrk wrk = new Wrk(CONNECTIONS, SECONDS);
            String trivial = server.base + "/actuator/health/liveness";

            line("## Throughput and latency");
            line("");
            line("Each write answers once the read models its endpoint names have it (read-your-writes: a like,"
                    + " comment or post waits for the posts read model, a follow for the users read model), so that"
                    + " lag is inside the answer's latency. The others catch up on their own: \"behind\" is the most"
                    + " events any of them was behind the head while the run lasted (sampled every 200 ms), and"
                    + " \"caught up\" the time from the end of the run until every one of them had passed the head.");
            line("");
            line("| what | load | requests/s | p50 ms | p99 ms | non-2xx | server CPU ms a request"
                    + " | PostgreSQL statements a request | PostgreSQL ms a request | behind (events) | caught up after |");
            line("|---|---|---|---|---|---|---|---|---|---|---|");
            wrk.lasting(WARMUP).max(trivial, null);
            Duration cpuBefore = serverCpu();
            Wrk.Result trivialMax = wrk.max(trivial, null);
            row("GET /actuator/health/liveness (trivial)", "maximum", trivialMax, cpuPerRequest(cpuBefore, trivialMax), " | ", null);
            for (String kind : KINDS) {
                Wrk scripted = load(kind, usersFile, targets.get(kind));
                scripted.lasting(WARMUP).max(server.base, null);
                awaitCaughtUp();
                Wrk.Result max = measured(kind, "maximum", () -> scripted.max(server.base, null));
                maxima.put(kind, max);
                if (statements != null) {
                    // Still the maximum run's statements: the next reset comes with the next run.
                    mostRunAtMaximum.put(kind, statements.mostRun(12, max.requests()));
                }
                measured(kind, "paced at half (" + Math.round(max.requestsPerSecond() / 2) + "/s)",
                        () -> scripted.paced(server.base, null, max.requestsPerSecond() / 2));
            }
            line("");
            mostRunAtMaximum.forEach(this::mostRun);
            Double pgbench = onPostgres ? pgbench() : null;
            verdict(trivialMax, pgbench);
            consistency(users, posts);
        } finally {
            BenchmarkRedisKeys.forget(keys);
            if (postgres != null) {
                postgres.close();
            }
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    /** USERS accounts over HTTP, four at a time, timed: the cost of the password hash dominates. */
    private List<Account> registration() throws Exception {
        server.register(ADMIN);
        adminToken = login(ADMIN);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        List<CompletableFuture<Account>> registered = IntStream.range(0, USERS).mapToObj(i ->
                CompletableFuture.supplyAsync(() -> {
                    long sent = System.nanoTime();
                    Account account = server.register("w" + i + "_" + Long.toString(System.nanoTime(), 36));
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - sent);
                    }
                    return account;
                }, pool)).toList();
        List<Account> users = registered.stream().map(CompletableFuture::join).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        line("## Registration");
        line("");
        line("Passwords are hashed with Argon2id (Spring Security's defaults since 5.8: 16 MiB of memory,"
                + " 2 iterations, parallelism 1, 16-byte salt, 32-byte hash), slow on purpose. " + USERS
                + " registrations over HTTP, 4 at a time: " + String.format("%.1f", USERS / seconds)
                + " registrations/s, p50 " + millis(sorted[sorted.length / 2]) + " ms, p99 "
                + millis(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]) + " ms.");
        line("");
        return users;
    }

    private String login(String username) {
        return GlimpseProcess.json(server.send("POST", "/api/auth/login", null, "{\"login\":\"" + username
                + "\",\"password\":\"" + GlimpseProcess.PASSWORD + "\"}", 200)).path("accessToken").asString();
    }

    private Wrk load(String kind, Path users, Path targets) {
        return new Wrk(CONNECTIONS, SECONDS).withScript("benchmark/writes.lua",
                Map.of("USERS", users.toString(), "TARGETS", targets.toString(), "KIND", kind,
                        "STATE", users.resolveSibling("on-" + kind + ".txt").toString()));
    }

    private interface Run {
        Wrk.Result run() throws Exception;
    }

    /** One wrk run with the processors' lag sampled alongside, then the time until they caught up. */
    private Wrk.Result measured(String kind, String load, Run run) throws Exception {
        Map<String, Long> behind = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                lags().forEach((name, lag) -> behind.merge(name, lag, Math::max));
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        Duration cpuBefore = serverCpu();
        if (statements != null) {
            statements.reset();
        }
        sampler.start();
        Wrk.Result result;
        try {
            result = run.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long caughtUp = awaitCaughtUp();
        String cpu = cpuPerRequest(cpuBefore, result);
        String database = " | ";
        if (statements != null) {
            database = statements.totals(result.requests()).text();
        }
        String mostBehind = behind.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getValue() + " (" + e.getKey() + ")").orElse("0");
        row(label(kind), load, result, cpu, database, mostBehind + " | " + millis(caughtUp) + " ms");
        return result;
    }

    private static String label(String kind) {
        return switch (kind) {
            case "likes" -> "POST/DELETE /api/posts/{id}/likes";
            case "follows" -> "POST/DELETE /api/users/{username}/follow";
            case "comments" -> "POST /api/posts/{id}/comments";
            case "posts" -> "POST /api/posts (text)";
            default -> kind;
        };
    }

    /** Events behind the head, per tracking processor. */
    private Map<String, Long> lags() {
        Map<String, Long> lags = new HashMap<>();
        for (JsonNode processor : server.get("/api/admin/projections", adminToken)) {
            if (!processor.path("position").isNull()) {
                lags.put(processor.path("name").asString(), processor.path("lag").asLong());
            }
        }
        return lags;
    }

    /** Waits until every tracking processor has passed the head; how long that took. */
    private long awaitCaughtUp() throws InterruptedException {
        long start = System.nanoTime();
        while (lags().values().stream().anyMatch(lag -> lag > 0)) {
            Thread.sleep(20);
        }
        return System.nanoTime() - start;
    }

    /** pgbench's insert-only transactions on the same server, with the same number of connections. */
    private double pgbench() throws Exception {
        String database = "glimpse_pgbench";
        String port = String.valueOf(postgres.port());
        exec("psql", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-q", "-c", "create database " + database);
        exec("pgbench", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-i", "-q", database);
        String out = exec("pgbench", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-n", "-c", String.valueOf(CONNECTIONS),
                "-j", "2", "-T", String.valueOf(SECONDS), "-f", "benchmark/insert-only.sql", database);
        var tps = java.util.regex.Pattern.compile("tps = ([\\d.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        double rate = Double.parseDouble(tps.group(1));
        line("pgbench on the same PostgreSQL, " + CONNECTIONS + " connections, " + SECONDS + " s, one INSERT a"
                + " transaction (`benchmark/insert-only.sql`, the INSERT of pgbench's built-in TPC-B script:"
                + " pgbench has no built-in insert-only script): **" + Math.round(rate) + " transactions/s**.");
        line("");
        return rate;
    }

    private void verdict(Wrk.Result trivial, Double pgbench) {
        Wrk.Result likes = maxima.get("likes");
        if (likes == null) {
            return;
        }
        line("## Against the targets");
        line("");
        line("- Likes at their maximum: " + Math.round(likes.requestsPerSecond()) + "/s, "
                + percent(likes.requestsPerSecond(), trivial.requestsPerSecond())
                + " of the trivial endpoint's rate in the same run (target: at least 40%).");
        if (pgbench != null) {
            line("- Against pgbench's insert-only transactions: "
                    + percent(likes.requestsPerSecond(), pgbench) + " (target: at least 25%).");
        }
        line("- Sustained likes: target at least " + Math.round(LIKES_PER_SECOND_TARGET)
                + "/s through HTTP, with p99 under 50 ms at half load (see the table).");
        line("");
    }

    /**
     * No write lost or doubled: for every post, its likes and comments counters equal the rows
     * listed and what the event store holds (likes minus unlikes, comments added); for every user,
     * the followers and following counters equal the lists and the events.
     */
    private void consistency(List<Account> users, List<String> posts) throws Exception {
        Map<String, Long> likes = new HashMap<>();
        Map<String, Long> comments = new HashMap<>();
        Map<String, Long> followers = new HashMap<>();
        Map<String, Long> following = new HashMap<>();
        long events = 0;
        try (var lines = new BufferedReader(new InputStreamReader(server.stream("/api/admin/events", adminToken),
                StandardCharsets.UTF_8))) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                events++;
                JsonNode event = GlimpseProcess.json(text);
                JsonNode payload = event.path("payload");
                switch (event.path("type").asString()) {
                    case "PostLiked" -> likes.merge(payload.path("postId").asString(), 1L, Long::sum);
                    case "PostUnliked" -> likes.merge(payload.path("postId").asString(), -1L, Long::sum);
                    case "CommentAdded" -> comments.merge(payload.path("postId").asString(), 1L, Long::sum);
                    case "CommentDeleted" -> comments.merge(payload.path("postId").asString(), -1L, Long::sum);
                    case "UserFollowed" -> {
                        followers.merge(payload.path("followeeId").asString(), 1L, Long::sum);
                        following.merge(payload.path("followerId").asString(), 1L, Long::sum);
                    }
                    case "UserUnfollowed" -> {
                        followers.merge(payload.path("followeeId").asString(), -1L, Long::sum);
                        following.merge(payload.path("followerId").asString(), -1L, Long::sum);
                    }
                    default -> {
                    }
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String postId : posts) {
            JsonNode post = server.get("/api/posts/" + postId, adminToken);
            compare(mismatches, "likes of post " + postId, post.path("likesCount").asLong(),
                    rows("/api/posts/" + postId + "/likes"), likes.getOrDefault(postId, 0L));
            compare(mismatches, "comments of post " + postId, post.path("commentsCount").asLong(),
                    rows("/api/posts/" + postId + "/comments"), comments.getOrDefault(postId, 0L));
        }
        for (Account user : users) {
            JsonNode profile = server.get("/api/users/" + user.username(), adminToken);
            compare(mismatches, "followers of " + user.username(), profile.path("followersCount").asLong(),
                    rows("/api/users/" + user.username() + "/followers"), followers.getOrDefault(user.id(), 0L));
            compare(mismatches, "following of " + user.username(), profile.path("followingCount").asLong(),
                    rows("/api/users/" + user.username() + "/following"), following.getOrDefault(user.id(), 0L));
        }
        line("## No write lost or doubled");
        line("");
        line("After the runs, " + 2 * (posts.size() + users.size()) + " counters (likes and comments of every"
                + " target post, followers and following of every user) against the rows their lists hold and the "
                + events + " events in the store: **" + mismatches.size() + " mismatches**.");
        mismatches.stream().limit(20).forEach(mismatch -> line("- " + mismatch));
        line("");
    }

    private static void compare(List<String> mismatches, String what, long counter, long rows, long events) {
        if (counter != rows || rows != events) {
            mismatches.add(what + ": counter " + counter + ", rows " + rows + ", events " + events);
        }
    }

    /** How many items a list endpoint holds, page by page. */
    private long rows(String path) {
        long count = 0;
        String cursor = null;
        do {
            JsonNode page = server.get(path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), adminToken);
            count += page.path("items").size();
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode() ? null
                    : java.net.URLEncoder.encode(page.path("nextCursor").asString(), StandardCharsets.UTF_8);
        } while (cursor != null);
        return count;
    }

    private void row(String what, String load, Wrk.Result result, String cpu, String database, String lag) {
        line("| " + what + " | " + load + " | " + Math.round(result.requestsPerSecond()) + " | " + result.p50Text()
                + " | " + result.p99Text() + " | " + result.failed() + " | " + cpu + " | " + database + " | "
                + (lag == null ? " | " : lag) + " |");
    }

    /** The statements a kind of write ran most at its maximum rate (pg_stat_statements, the run's own). */
    private void mostRun(String kind, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        line("What the server asked of PostgreSQL most often while " + label(kind) + " ran at its maximum (the"
                + " event processors' work and the benchmark's lag sampling included):");
        line("");
        line("| calls a request | mean ms | statement |");
        line("|---|---|---|");
        rows.forEach(this::line);
        line("");
    }

    /**
     * The server process's CPU time (all its threads: requests, event processors, GC) since
     * {@code before}, over the requests of the run: what a request costs the server, read off the
     * operating system. Steadier than requests/s on a machine whose two cores are shared with the
     * load generator and PostgreSQL. For writes it includes the processors catching up afterwards.
     */
    private String cpuPerRequest(Duration before, Wrk.Result result) {
        return String.format("%.2f", (serverCpu().toNanos() - before.toNanos()) / 1e6 / Math.max(1, result.requests()));
    }

    private Duration serverCpu() {
        return ProcessHandle.of(server.pid()).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static String exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    private static String percent(double part, double whole) {
        return Math.round(100 * part / whole) + "%";
    }

    private static String millis(long nanos) {
        return String.valueOf(Math.round(nanos / 1e6));
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
