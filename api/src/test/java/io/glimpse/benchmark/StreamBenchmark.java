package io.glimpse.benchmark;

import io.glimpse.api.support.GlimpseProcess;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live-stream benchmark (scripts/benchmark-stream.sh; results in benchmark/results/stream.md).
 * Starts Glimpse as a separate process (so its heap and threads are its own), on a fresh data
 * directory, and from this process over loopback:
 * <ol>
 *   <li>delay: {@code listeners} users (1,000) follow one author and each holds a stream; the
 *       author posts {@code posts} times; for each post and stream, the time from sending the POST
 *       to the stream's {@code timeline.post}; and a like of one listener's post, from sending it to
 *       that stream's {@code notification}, with all streams open (p50/p99);</li>
 *   <li>capacity: more streams in steps up to {@code maxStreams}, each step followed by a full GC
 *       of the server (jcmd), its heap and live threads from {@code /actuator/prometheus}, and a
 *       check that a new event still reaches a stream opened last.</li>
 * </ol>
 * Options (system properties): listeners, posts, likes, maxStreams, step, store (memory|redis).
 */
public final class StreamBenchmark {

    private static final int LISTENERS = Integer.getInteger("listeners", 1_000);
    private static final int POSTS = Integer.getInteger("posts", 20);
    private static final int LIKES = Integer.getInteger("likes", 50);
    private static final int MAX_STREAMS = Integer.getInteger("maxStreams", 10_000);
    private static final int STEP = Integer.getInteger("step", 2_500);
    private static final String STORE = System.getProperty("store", "memory");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(30)).build();
    private final StringBuilder report = new StringBuilder();
    private final List<Stream> streams = new ArrayList<>();
    private String base;
    private GlimpseProcess server;

    public static void main(String[] args) throws Exception {
        new StreamBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/stream.md"));
        System.exit(0);
    }

    private void run(Path output) throws Exception {
        Path dataDir = Files.createTempDirectory("glimpse-stream-bench-");
        server = GlimpseProcess.start(dataDir, List.of("-Xmx1g"), List.of(
                "--glimpse.stream.max-per-user=1000", "--glimpse.stream.store=" + STORE,
                "--glimpse.stream.redis-key-prefix=bench-stream-" + System.nanoTime() + ":",
                "--server.tomcat.max-connections=" + (MAX_STREAMS + 2_000),
                "--server.tomcat.accept-count=1000"));
        base = server.base;
        try {
            line("# Live stream benchmark");
            line("");
            line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + "; Glimpse as its own process (`-Xmx1g`, embedded database,"
                    + " stream log `" + STORE + "`), the clients in the benchmark's process (Java's HttpClient, one"
                    + " HTTP/1.1 connection per stream) over loopback. " + System.getProperty("bench.note", ""));
            line("");
            Memory idle = memory();
            String[] author = register("author");
            List<String[]> listeners = seed(author);
            delay(author, listeners);
            capacity(listeners, idle);
        } finally {
            streams.forEach(Stream::close);
            server.close();
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    /** The listeners: registered, following the author, each with one stream open. */
    private List<String[]> seed(String[] author) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<CompletableFuture<String[]>> seeded = new ArrayList<>();
        for (int i = 0; i < LISTENERS; i++) {
            int n = i;
            seeded.add(CompletableFuture.supplyAsync(() -> {
                String[] listener = register("l" + n);
                send("POST", "/api/users/" + author[1] + "/follow", listener[0], null, 204);
                return listener;
            }, pool));
        }
        List<String[]> listeners = seeded.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        line("Seeded " + LISTENERS + " listeners (register, follow the author) over HTTP in "
                + seconds(System.nanoTime() - start) + " s.");
        line("");
        open(listeners, 1);
        return listeners;
    }

    private void delay(String[] author, List<String[]> listeners) throws Exception {
        String warmUp = post(author[0], "Warming up");
        awaitAll("timeline.post", warmUp, streams.size());
        List<Long> fanOut = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            long sent = System.nanoTime();
            String postId = post(author[0], "Post " + i);
            answers.add(System.nanoTime() - sent);
            awaitAll("timeline.post", postId, streams.size());
            streams.forEach(stream -> fanOut.add(stream.arrival("timeline.post", postId) - sent));
        }
        String[] liked = listeners.get(0);
        Stream likedStream = streams.get(0);
        String likedPost = post(liked[0], "Like me");
        List<Long> notification = new ArrayList<>();
        for (int i = 0; i < LIKES; i++) {
            long sent = System.nanoTime();
            send("POST", "/api/posts/" + likedPost + "/likes", author[0], null, 204);
            String notificationSeen = likedStream.awaitNext("notification", Duration.ofSeconds(30));
            notification.add(likedStream.arrival("notification", notificationSeen) - sent);
            send("DELETE", "/api/posts/" + likedPost + "/likes", author[0], null, 204);
            likedStream.awaitNext("notification.removed", Duration.ofSeconds(30));
        }
        line("## Delay from the write to the event, " + streams.size() + " open streams");
        line("");
        line("| what | samples | p50 | p99 | max |");
        line("|---|---|---|---|---|");
        row("a post (fanned out to " + LISTENERS + " followers): POST sent → each follower's `timeline.post`", fanOut);
        row("the post's own answer (201; it waits for the read models, read-your-writes)", answers);
        row("a like: POST sent → the liked user's `notification`", notification);
        line("");
    }

    private void capacity(List<String[]> listeners, Memory idle) throws Exception {
        line("## Open streams one node holds");
        line("");
        line("Heap after a full GC of the server (`jcmd GC.run`), live threads, and the delay of one like to a"
                + " stream opened last (the node still delivers).");
        line("");
        line("| open streams | server heap | heap per stream | live threads | a like reaches the newest stream in |");
        line("|---|---|---|---|---|");
        line("| 0 | " + mib(idle.heap) + " | | " + idle.threads + " | |");
        int perUser = 1;
        while (streams.size() < MAX_STREAMS) {
            int target = Math.min(MAX_STREAMS, (streams.size() < STEP ? STEP : streams.size() + STEP));
            long opened = System.nanoTime();
            int before = streams.size();
            while (streams.size() < target) {
                perUser++;
                open(listeners.subList(0, Math.min(listeners.size(), target - streams.size())), perUser);
            }
            double openSeconds = seconds(System.nanoTime() - opened);
            Memory now = memory();
            long perStream = (now.heap - idle.heap) / streams.size();
            String reach = likeReachesNewest(listeners);
            line("| " + streams.size() + " | " + mib(now.heap) + " | " + kib(perStream) + " | " + now.threads + " | "
                    + reach + " (" + (streams.size() - before) + " opened in " + openSeconds + " s) |");
        }
        line("");
    }

    private String likeReachesNewest(List<String[]> listeners) throws Exception {
        Stream newest = streams.get(streams.size() - 1);
        String[] owner = listeners.stream().filter(l -> l[1].equals(newest.username)).findFirst().orElseThrow();
        String[] liker = listeners.get(listeners.size() - 1 == listeners.indexOf(owner) ? 0 : listeners.size() - 1);
        String postId = post(owner[0], "Capacity check");
        long sent = System.nanoTime();
        send("POST", "/api/posts/" + postId + "/likes", liker[0], null, 204);
        String seen = newest.awaitNext("notification", Duration.ofSeconds(60));
        return millis(newest.arrival("notification", seen) - sent) + " ms";
    }

    /** Opens one more stream for each of these listeners, waiting until each said {@code ready}. */
    private void open(List<String[]> listeners, int round) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(listeners.size());
        for (String[] listener : listeners) {
            Stream stream = new Stream(listener[1], ready);
            streams.add(stream);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                    .header("Authorization", "Bearer " + listener[0]).header("Accept", "text/event-stream").build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream)).whenComplete((answer, error) -> {
                if (error != null || answer.statusCode() != 200) {
                    System.err.println("stream refused: " + (error != null ? error : answer.statusCode()) + " round " + round);
                    ready.countDown();
                }
            });
        }
        if (!ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Streams did not open: " + ready.getCount() + " missing");
        }
    }

    private void awaitAll(String type, String postId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (streams.stream().limit(count).anyMatch(stream -> stream.arrival(type, postId) == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not every stream got " + type + " " + postId);
            }
            Thread.sleep(5);
        }
    }

    // --- the server ---

    private record Memory(long heap, long threads) {
    }

    private Memory memory() throws Exception {
        long pid = server.pid();
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        String metrics = send("GET", "/actuator/prometheus", null, null, 200);
        long heap = 0;
        long threads = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_threads_live_threads")) {
                threads = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new Memory(heap, threads);
    }

    private String[] register(String prefix) {
        GlimpseProcess.Account account = server.register(prefix + "_" + Long.toString(System.nanoTime(), 36));
        return new String[]{account.token(), account.username()};
    }

    private String post(String token, String caption) {
        return server.post(token, caption);
    }

    private String send(String method, String path, String token, String json, int expected) {
        return server.send(method, path, token, json, expected);
    }

    // --- one stream as the benchmark reads it ---

    /** Records when each event arrived, by type and the id in its data; nothing else is kept. */
    private static final class Stream implements Flow.Subscriber<String> {

        private static final Pattern DATA_ID = Pattern.compile("\"(?:postId|id)\"\\s*:\\s*\"([^\"]+)\"");

        final String username;
        private final CountDownLatch ready;
        private final Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> unseen = new ConcurrentLinkedQueue<>();
        private volatile Flow.Subscription subscription;
        private String type;

        Stream(String username, CountDownLatch ready) {
            this.username = username;
            this.ready = ready;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith("event:")) {
                type = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if ("ready".equals(type)) {
                    ready.countDown();
                    return;
                }
                Matcher id = DATA_ID.matcher(line);
                String key = type + " " + (id.find() ? id.group(1) : "");
                arrivals.putIfAbsent(key, now);
                unseen.add(key);
            }
        }

        long arrival(String type, String id) {
            return arrivals.getOrDefault(type + " " + id, 0L);
        }

        /** The id of the next unseen event of this type (older unseen events are skipped). */
        String awaitNext(String wanted, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String key;
                while ((key = unseen.poll()) != null) {
                    if (key.startsWith(wanted + " ")) {
                        return key.substring(wanted.length() + 1);
                    }
                }
                Thread.sleep(1);
            }
            throw new IllegalStateException("No " + wanted + " within " + timeout);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }

        void close() {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    // --- report ---

    private void row(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        line("| " + what + " | " + sorted.length + " | " + millis(percentile(sorted, 50)) + " ms | "
                + millis(percentile(sorted, 99)) + " ms | " + millis(sorted[sorted.length - 1]) + " ms |");
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private static String mib(long bytes) {
        return String.format("%.0f MiB", bytes / 1048576.0);
    }

    private static String kib(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }
}
