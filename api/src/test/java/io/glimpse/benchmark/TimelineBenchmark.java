package io.glimpse.benchmark;

import io.glimpse.GlimpseApplication;
import io.glimpse.command.social.RelationshipCommands.FollowUser;
import io.glimpse.command.user.UserCommands.RegisterUser;
import io.glimpse.query.timeline.TimelineStore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timeline benchmark (scripts/benchmark-timeline.sh; results in benchmark/results/timeline.md).
 * Starts Glimpse with the Redis timeline store on a fresh data directory, seeds an author with
 * 10,000 followers through the command bus, and measures:
 * <ol>
 *   <li>fan-out: from a post's 201 until the last of the 10,000 followers has it in their timeline;</li>
 *   <li>timeline reads against the same server's trivial endpoint (liveness), with load from wrk: the
 *       most requests per second, then p50/p99 latency at half the timeline's maximum rate;</li>
 *   <li>Redis's own pipelined sorted-set write rate, with redis-benchmark.</li>
 * </ol>
 */
public final class TimelineBenchmark {

    private static final int FOLLOWERS = Integer.getInteger("followers", 10_000);
    private static final int CONCURRENCY = Integer.getInteger("concurrency", 16);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("seconds", 15));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private final StringBuilder report = new StringBuilder();
    private String base;

    public static void main(String[] args) throws Exception {
        new TimelineBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/timeline.md"));
        System.exit(0);
    }

    private void run(Path output) throws Exception {
        Path dataDir = Files.createTempDirectory("glimpse-bench-");
        String keys = BenchmarkRedisKeys.prefix("timeline");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GlimpseApplication.class).run(
                "--server.port=0", "--glimpse.data-dir=" + dataDir, "--spring.profiles.active=redis",
                "--glimpse.rate-limits.enabled=false",
                "--glimpse.timeline.redis-key-prefix=" + keys,
                "--logging.level.root=WARN")) {
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            line("# Timeline benchmark");
            line("");
            line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; Glimpse on the embedded database with timelines in Redis"
                    + " (127.0.0.1:6379), load from wrk over loopback.");
            line("");
            String[] author = seed(app);
            fanOut(app, author);
            reads(author[1]);
            store(app);
            redisBenchmark();
        } finally {
            BenchmarkRedisKeys.forget(keys);
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    /** An author with FOLLOWERS followers, seeded through the command bus (one password hash for all). */
    private String[] seed(ConfigurableApplicationContext app) throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        String hash = app.getBean(PasswordEncoder.class).encode("benchmark-password");
        UUID authorId = UUID.randomUUID();
        String authorName = "author_" + authorId.toString().substring(0, 8);
        commands.sendAndWait(new RegisterUser(authorId, authorName, authorName + "@bench.local", hash, null));
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> seeded = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            UUID id = UUID.randomUUID();
            String name = "f" + i + "_" + id.toString().substring(0, 6);
            seeded.add(CompletableFuture.runAsync(() -> {
                commands.sendAndWait(new RegisterUser(id, name, name + "@bench.local", hash, null));
                commands.sendAndWait(new FollowUser(id, authorId));
            }, pool));
        }
        CompletableFuture.allOf(seeded.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        awaitFollowersKnownToTimelines(app, authorId);
        line("Seeded " + FOLLOWERS + " followers (register + follow, " + 2 * FOLLOWERS + " commands, until the"
                + " timeline processor had them all) in " + seconds(System.nanoTime() - start) + " s.");
        line("");
        return new String[]{authorId.toString(), login(authorName)};
    }

    private void fanOut(ConfigurableApplicationContext app, String[] author) throws Exception {
        TimelineStore store = app.getBean(TimelineStore.class);
        List<UUID> followers = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select follower_id from timeline_follow where followee_id = ? order by follower_id")
                .param(UUID.fromString(author[0])).query(UUID.class).list();
        UUID last = followers.get(followers.size() - 1);
        // A first post warms the path up (JIT, connection pools, the search index's first commit),
        // as in a server that has been running; the second one is measured.
        post(author[1], "Warming up");
        long sent = System.nanoTime();
        HttpResponse<String> created = post(author[1], "Hello, ten thousand");
        long answered = System.nanoTime();
        String postId = field(created.body(), "id");
        while (store.page(last, null, 1).stream().noneMatch(entry -> entry.postId().toString().equals(postId))) {
            Thread.onSpinWait();
        }
        long fannedOut = System.nanoTime() - answered;
        long missing = followers.stream()
                .filter(follower -> store.page(follower, null, 1).stream()
                        .noneMatch(entry -> entry.postId().toString().equals(postId)))
                .count();
        line("## 1. Fan-out");
        line("");
        line("The 201 comes once the author's read models, their own timeline included, have the post"
                + " (read-your-writes); the fan-out runs in the same processor step, so the whole of it is"
                + " also measured from the moment the request was sent.");
        line("");
        line("| followers | request to 201 | from the 201 to the last follower's timeline"
                + " | from the request to the last follower's timeline | followers missing the post afterwards |");
        line("|---|---|---|---|---|");
        line("| " + followers.size() + " | " + millis(answered - sent) + " ms | " + millis(fannedOut) + " ms | "
                + millis(answered - sent + fannedOut) + " ms | " + missing + " |");
        line("");
    }

    private HttpResponse<String> post(String token, String caption) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/posts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"caption\":\"" + caption + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void reads(String token) throws Exception {
        line("## 2. Timeline reads against the trivial endpoint");
        line("");
        line("Load from wrk (a separate process), " + CONCURRENCY + " connections, " + RUN.toSeconds()
                + " s each, after a warm-up:");
        line("");
        line("| endpoint | load | requests/s | p50 ms | p99 ms |");
        line("|---|---|---|---|---|");
        String timeline = base + "/api/timeline?limit=20";
        String trivial = base + "/actuator/health/liveness";
        Wrk wrk = new Wrk(CONCURRENCY, RUN.toSeconds());
        wrk.lasting(5).max(trivial, null);
        wrk.lasting(5).max(timeline, token);
        Wrk.Result trivialMax = wrk.max(trivial, null);
        Wrk.Result timelineMax = wrk.max(timeline, token);
        row("GET /actuator/health/liveness (trivial)", "maximum", trivialMax);
        row("GET /api/timeline?limit=20", "maximum", timelineMax);
        double half = timelineMax.requestsPerSecond() / 2;
        Wrk.Result atHalf = wrk.paced(timeline, token, half);
        row("GET /api/timeline?limit=20", "paced at half the maximum (" + Math.round(half) + "/s)", atHalf);
        line("");
        line("Timeline throughput is " + Math.round(100 * timelineMax.requestsPerSecond() / trivialMax.requestsPerSecond())
                + "% of the trivial endpoint's (target: at least 50%); p99 at half load " + atHalf.p99Text()
                + " ms (target: under 25 ms).");
        line("");
    }

    private void store(ConfigurableApplicationContext app) {
        line("Timeline store in this run: " + app.getBean(TimelineStore.class).getClass().getSimpleName() + ".");
        line("");
    }

    private void redisBenchmark() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", "6379", "-q",
                "-n", "200000", "-P", "16", "-t", "zadd").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        line("## 3. Redis pipelined sorted-set writes (redis-benchmark -n 200000 -P 16 -t zadd)");
        line("");
        line("```");
        line(out.replaceAll("\\r", "\n").lines().filter(l -> l.contains("ZADD")).reduce((a, b) -> b).orElse(out));
        line("```");
        line("");
    }

    private static void awaitFollowersKnownToTimelines(ConfigurableApplicationContext app, UUID authorId)
            throws InterruptedException {
        var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        while (jdbc.sql("select count(*) from timeline_follow where followee_id = ?").param(authorId)
                .query(Long.class).single() < FOLLOWERS) {
            Thread.sleep(100);
        }
    }

    private String login(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"" + username + "\",\"password\":\"benchmark-password\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "accessToken");
    }

    private void row(String name, String load, Wrk.Result result) {
        line("| " + name + " | " + load + " | " + Math.round(result.requestsPerSecond()) + " | " + result.p50Text()
                + " | " + result.p99Text() + " |");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static String millis(long nanos) {
        return String.valueOf(Math.round(nanos / 1e6));
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
