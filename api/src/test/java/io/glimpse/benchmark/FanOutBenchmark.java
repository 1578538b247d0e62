package io.glimpse.benchmark;

import io.glimpse.api.support.DatabaseOrder;
import io.glimpse.GlimpseApplication;
import io.glimpse.api.id.TimeOrderedIds;
import io.glimpse.api.support.GlimpseProcess;
import io.glimpse.events.social.RelationshipEvent.UserFollowed;
import io.glimpse.events.user.UserEvent.UserRegistered;
import io.glimpse.processing.status.Projections;
import io.glimpse.query.timeline.TimelineEntry;
import io.glimpse.query.timeline.TimelineProperties;
import io.glimpse.query.timeline.TimelineStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The fan-out benchmark (scripts/benchmark-writes.sh fanout; results in benchmark/results/fanout.md).
 * Glimpse in this process on PostgreSQL with timelines in Redis, and with the celebrity threshold
 * raised so that every post here is fanned out. For each follower count (10,000 and 100,000 by
 * default): a new author registers over HTTP, its followers are stored straight into the event
 * store (registrations and follows, as the commands would have), and once every processor has
 * them the author posts ({@code runs} times): the time to the 201, the time from the request until
 * the last follower (in fan-out order) has the post, then a check of every follower's timeline. Next to it,
 * redis-benchmark's pipelined ZADD rate on the same Redis.
 * Options: -Dfollowers=10000,100000 -Druns=5 -Dpostgres=JDBC URL of an empty database.
 */
public final class FanOutBenchmark {

    private static final List<Integer> FOLLOWERS = Arrays.stream(System.getProperty("followers", "10000,100000")
            .split(",")).map(Integer::valueOf).toList();
    private static final String POSTGRES = System.getProperty("postgres", "jdbc:postgresql://127.0.0.1:5432/glimpse_fanout");
    private static final int STORE_BATCH = 2_000;
    private static final int RUNS = Integer.getInteger("runs", 5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StringBuilder report = new StringBuilder();
    /** Timeline inserts a second, by follower count, for the comparison with redis-benchmark. */
    private final Map<Integer, Double> insertRates = new TreeMap<>();
    private ConfigurableApplicationContext app;
    private String base;

    public static void main(String[] args) throws Exception {
        new FanOutBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/fanout.md"));
        System.exit(0);
    }

    private void run(Path output) throws Exception {
        Path dataDir = Files.createTempDirectory("glimpse-fanout-");
        String keys = BenchmarkRedisKeys.prefix("fanout");
        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(GlimpseApplication.class).run(
                "--server.port=0", "--glimpse.data-dir=" + dataDir, "--spring.profiles.active=postgres,redis",
                "--spring.datasource.url=" + POSTGRES, "--glimpse.rate-limits.enabled=false",
                "--glimpse.timeline.celebrity-threshold=1000000",
                "--glimpse.timeline.redis-key-prefix=" + keys,
                "--logging.level.root=WARN")) {
            app = started;
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.println("Glimpse at " + base);
            line("# Fan-out benchmark");
            line("");
            line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; Glimpse in the benchmark's process on PostgreSQL with"
                    + " timelines in Redis (127.0.0.1:6379), the celebrity threshold raised to 1,000,000 so that"
                    + " these authors are fanned out (by default, authors above 10,000 followers are merged in at read"
                    + " time instead); a fan-out trims one timeline in "
                    + app.getBean(TimelineProperties.class).trimOneIn() + " back to its capacity"
                    + " (`glimpse.timeline.trim-one-in`). " + System.getProperty("bench.note", ""));
            line("");
            line("Each author posts `runs` times, one after the other; medians (and the slowest) over the posts."
                    + " Inserts/s: followers over the median time from the request to the last follower's timeline.");
            line("");
            line("| followers | posts | request to 201 | request to the last follower's timeline | timeline inserts/s"
                    + " | followers missing a post afterwards | seeded in |");
            line("|---|---|---|---|---|---|---|");
            for (int followers : FOLLOWERS) {
                fanOut(followers);
            }
            line("");
            redisBenchmark();
        } finally {
            BenchmarkRedisKeys.forget(keys);
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    private void fanOut(int count) throws Exception {
        String name = "author_" + Long.toString(System.nanoTime(), 36);
        BenchmarkResponse registered = send("/api/auth/register", null, "{\"username\":\"" + name + "\",\"email\":\""
                + name + "@bench.local\",\"password\":\"" + GlimpseProcess.PASSWORD + "\"}");
        UUID author = UUID.fromString(registered.json().path("user").path("id").asString());
        String token = registered.json().path("accessToken").asString();
        long seeding = System.nanoTime();
        List<UUID> followers = seedFollowers(author, count);
        awaitProcessed();
        long seeded = System.nanoTime() - seeding;
        send("/api/posts", token, "{\"caption\":\"Warming up\"}");
        awaitProcessed();
        TimelineStore store = app.getBean(TimelineStore.class);
        UUID last = followers.stream().max(DatabaseOrder.UUIDS).orElseThrow();
        List<Long> answers = new ArrayList<>();
        List<Long> fannedOut = new ArrayList<>();
        long missing = 0;
        for (int run = 0; run < RUNS; run++) {
            long sent = System.nanoTime();
            BenchmarkResponse created = send("/api/posts", token, "{\"caption\":\"Hello, followers " + run + "\"}");
            answers.add(System.nanoTime() - sent);
            UUID postId = UUID.fromString(created.json().path("id").asString());
            while (!has(store, last, postId)) {
                Thread.sleep(1);
            }
            fannedOut.add(System.nanoTime() - sent);
            missing += followers.stream().filter(follower -> !has(store, follower, postId)).count();
            awaitProcessed();
        }
        long median = median(fannedOut);
        insertRates.put(count, count / (median / 1e9));
        line("| " + count + " | " + RUNS + " | " + millis(median(answers)) + " ms (max " + millis(max(answers))
                + ") | " + millis(median) + " ms (max " + millis(max(fannedOut)) + ") | "
                + Math.round(insertRates.get(count)) + " | " + missing + " | "
                + String.format("%.1f s", seeded / 1e9) + " |");
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static boolean has(TimelineStore store, UUID owner, UUID postId) {
        return store.page(owner, null, 1).stream().map(TimelineEntry::postId).anyMatch(postId::equals);
    }

    /** Registrations and follows stored as the commands would have stored them, in transactions of STORE_BATCH. */
    private List<UUID> seedFollowers(UUID author, int count) {
        EventStore events = app.getBean(EventStore.class);
        TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
        List<UUID> followers = new ArrayList<>(count);
        List<EventMessage<?>> batch = new ArrayList<>(STORE_BATCH);
        for (int i = 0; i < count; i++) {
            UUID follower = TimeOrderedIds.next();
            followers.add(follower);
            String name = "f" + Long.toString(System.nanoTime(), 36) + i;
            batch.add(new GenericDomainEventMessage<>("User", follower.toString(), 0,
                    new UserRegistered(follower, name, name + "@bench.local", "not-a-real-hash", name)));
            batch.add(new GenericDomainEventMessage<>("Relationship", follower + ":" + author, 0,
                    new UserFollowed(follower, author)));
            if (batch.size() >= STORE_BATCH || i == count - 1) {
                List<EventMessage<?>> page = List.copyOf(batch);
                transactions.executeWithoutResult(status -> events.publish(page));
                batch.clear();
            }
        }
        return followers;
    }

    /** Until every tracking processor has passed the head. */
    private void awaitProcessed() throws InterruptedException {
        Projections projections = app.getBean(Projections.class);
        long head = projections.head();
        while (!projections.statuses().stream().allMatch(status -> status.position() == null
                || status.hasCaughtUpWith(head))) {
            Thread.sleep(50);
        }
    }

    private record BenchmarkResponse(int status, String body) {
        tools.jackson.databind.JsonNode json() {
            return GlimpseProcess.json(body);
        }
    }

    private BenchmarkResponse send(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
        }
        return new BenchmarkResponse(answer.statusCode(), answer.body());
    }

    private void redisBenchmark() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-benchmark", "-h", "127.0.0.1", "-p", "6379", "-q",
                "-n", "500000", "-P", "16", "-t", "zadd").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        line("Redis itself, side by side (`redis-benchmark -n 500000 -P 16 -t zadd`, pipelined sorted-set writes):");
        line("");
        line("```");
        String zadd = out.replaceAll("\\r", "\n").lines().filter(l -> l.contains("ZADD")).reduce((a, b) -> b).orElse(out);
        line(zadd);
        line("```");
        line("");
        var rate = java.util.regex.Pattern.compile("ZADD: ([\\d.]+) requests per second").matcher(zadd);
        if (rate.find()) {
            double zadds = Double.parseDouble(rate.group(1));
            insertRates.forEach((followers, inserts) -> line("- " + followers + " followers: timeline inserts at "
                    + Math.round(100 * inserts / zadds) + "% of redis-benchmark's pipelined ZADD rate (target: 30%)."));
            line("");
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static String millis(long nanos) {
        return String.valueOf(Math.round(nanos / 1e6));
    }
}
