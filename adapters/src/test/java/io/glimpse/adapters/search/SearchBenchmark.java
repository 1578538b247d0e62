package io.glimpse.adapters.search;

import io.glimpse.query.search.IndexChange;
import io.glimpse.query.search.SearchIndex;
import io.glimpse.query.search.SearchTerms;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.glimpse.query.search.IndexChange.PutPost;
import io.glimpse.query.search.IndexChange.PutUser;
import io.glimpse.query.search.SearchIndex.PostSearch;
import org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The search benchmark (scripts/benchmark-search.sh; results in benchmark/results/search.md).
 * Seeds 100,000 posts by 2,000 authors, with captions drawn from a 5,000-word vocabulary by Zipf's
 * law and up to three of 1,000 tags, into each engine (through a rebuild, as a replay writes them),
 * then measures the latency of each kind of query at the port: the engine's own work, without
 * HTTP or the hydration of the page from SQL. {@code -Dengines=lucene} (or {@code elasticsearch})
 * measures one engine only.
 */
public final class SearchBenchmark {

    private static final int POSTS = Integer.getInteger("posts", 100_000);
    private static final int AUTHORS = Integer.getInteger("authors", 2_000);
    private static final int RUNS = Integer.getInteger("runs", 1_000);
    private static final int WARM_UP = Integer.getInteger("warmUp", 300);
    private static final int THREADS = Integer.getInteger("threads", 4);
    private static final List<String> ENGINES = List.of(System.getProperty("engines", "lucene,elasticsearch").split(","));
    private static final Duration CONCURRENT_RUN = Duration.ofSeconds(Long.getLong("seconds", 15));
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "fi",
            "gu", "he", "jo", "ku", "la", "mo", "nu", "ri"};

    private final Random random = new Random(42);
    private final List<String> words = vocabulary(5_000, 2);
    private final List<String> tags = vocabulary(1_000, 3);
    private final double[] wordWeights = zipf(words.size());
    private final double[] tagWeights = zipf(tags.size());
    private final List<PutUser> authors = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new SearchBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/search.md"));
        System.exit(0);
    }

    private void run(Path output) throws Exception {
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(new PutUser(UUID.randomUUID(), words.get(i) + "_" + i, "Person " + words.get(i)));
        }
        List<PutPost> posts = posts();
        line("# Search benchmark");
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ". " + POSTS + " posts by " + AUTHORS + " authors; captions of 5 to"
                + " 25 words drawn from a 5,000-word vocabulary by Zipf's law; 0 to 3 of 1,000 tags per post, also by"
                + " Zipf's law. Each query is timed at the search index port (the engine's work, no HTTP, no"
                + " hydration from SQL), " + RUNS + " times after " + WARM_UP + " warm-up queries, one at a time;"
                + " then a mix of all of them from " + THREADS + " threads for " + CONCURRENT_RUN.toSeconds() + " s."
                + " Load average when it started (other work on the machine counts): " + loadAverage() + ".");
        line("");

        if (ENGINES.contains("lucene")) {
            lucene(posts);
        }
        if (ENGINES.contains("elasticsearch")) {
            elasticsearch(posts);
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, report.toString());
        System.out.println(report);
    }

    private void lucene(List<PutPost> posts) throws Exception {
        Path luceneDir = Files.createTempDirectory("glimpse-search-bench-");
        LuceneSearchIndex lucene = new LuceneSearchIndex(luceneDir.resolve("search"), Duration.ZERO);
        try {
            measure("Lucene 9.12 (embedded, local disk)", lucene, posts);
        } finally {
            lucene.close();
            deleteRecursively(luceneDir);
        }
    }

    private void elasticsearch(List<PutPost> posts) throws Exception {
        String url = "http://127.0.0.1:" + System.getenv().getOrDefault("GLIMPSE_ES_PORT", "9200");
        try (Rest5Client rest = Rest5Client.builder(URI.create(url)).build()) {
            ElasticsearchTemplate template = new ElasticsearchTemplate(new ElasticsearchClient(
                    new Rest5ClientTransport(rest, new Jackson3JsonpMapper())));
            ElasticsearchSearchIndex elasticsearch = new ElasticsearchSearchIndex(template,
                    "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-", Duration.ZERO);
            try {
                measure("Elasticsearch 9.2.0 (single node, 512 MB heap, same machine, over HTTP)", elasticsearch, posts);
            } finally {
                if (!Boolean.getBoolean("keep")) {
                    elasticsearch.deleteEverything();
                }
            }
        }
    }

    private void measure(String engine, SearchIndex index, List<PutPost> posts) throws Exception {
        line("## " + engine);
        line("");
        index.initialize();
        long start = System.nanoTime();
        index.beginRebuild();
        index.apply(List.copyOf(authors));
        for (int from = 0; from < posts.size(); from += 1_000) {
            index.apply(List.copyOf(posts.subList(from, Math.min(posts.size(), from + 1_000))));
        }
        index.completeRebuild();
        double seconds = (System.nanoTime() - start) / 1e9;
        line(String.format("Seeded %d posts and %d users in batches of 1,000 through a rebuild in %.1f s (%.0f posts/s).",
                posts.size(), authors.size(), seconds, posts.size() / seconds));
        line("");

        Map<String, Supplier<Runnable>> queries = queries(index);
        line("| query | hits (mean) | p50 ms | p99 ms | max ms |");
        line("|---|---|---|---|---|");
        List<Long> allPostSearches = new ArrayList<>();
        for (var query : queries.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                query.getValue().get().run();
            }
            long[] nanos = new long[RUNS];
            hits = 0;
            for (int i = 0; i < RUNS; i++) {
                Runnable run = query.getValue().get();
                long begin = System.nanoTime();
                run.run();
                nanos[i] = System.nanoTime() - begin;
            }
            if (!query.getKey().startsWith("autocomplete")) {
                Arrays.stream(nanos).forEach(allPostSearches::add);
            }
            Arrays.sort(nanos);
            line(String.format("| %s | %.0f | %.2f | %.2f | %.2f |", query.getKey(), (double) hits / RUNS,
                    percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6));
        }
        long[] all = allPostSearches.stream().mapToLong(Long::longValue).sorted().toArray();
        line("");
        line(String.format("**All post searches, one at a time: p50 %.2f ms, p99 %.2f ms** (%d queries).",
                percentile(all, 50), percentile(all, 99), all.length));
        concurrently(queries);
        line("");
    }

    /** Total hits of the runs being timed, to show how much each query matches. */
    private volatile long hits;

    private Map<String, Supplier<Runnable>> queries(SearchIndex index) {
        Map<String, Supplier<Runnable>> queries = new LinkedHashMap<>();
        queries.put("one common word (top 20)", () -> posts(index, words.get(random.nextInt(20)), Set.of()));
        queries.put("one common word, viewer with 10 blocks", () -> posts(index, words.get(random.nextInt(20)),
                blocked(10)));
        queries.put("one word (Zipf)", () -> posts(index, words.get(pick(wordWeights)), Set.of()));
        queries.put("two words (Zipf)", () -> posts(index, words.get(pick(wordWeights)) + " "
                + words.get(pick(wordWeights)), Set.of()));
        queries.put("#tag (Zipf)", () -> posts(index, "#" + tags.get(pick(tagWeights)), Set.of()));
        queries.put("username", () -> posts(index, authors.get(random.nextInt(authors.size())).username(), Set.of()));
        queries.put("common word, page 10 (offset 180)", () -> page(index, words.get(random.nextInt(20)), 180));
        queries.put("autocomplete tags (2-letter prefix)", () -> {
            String prefix = tags.get(random.nextInt(tags.size())).substring(0, 2);
            return () -> hits += index.suggestTags(prefix, Set.of(), 10).size();
        });
        queries.put("autocomplete users (3-letter prefix)", () -> {
            String prefix = authors.get(random.nextInt(authors.size())).username().substring(0, 3);
            return () -> hits += index.suggestUsers(prefix, Set.of(), 10).size();
        });
        return queries;
    }

    private Runnable posts(SearchIndex index, String text, Set<UUID> hidden) {
        PostSearch search = new PostSearch(SearchTerms.parse(text), hidden, 0, 20);
        return () -> hits += index.searchPosts(search).total();
    }

    private Runnable page(SearchIndex index, String text, int offset) {
        PostSearch search = new PostSearch(SearchTerms.parse(text), Set.of(), offset, 20);
        return () -> hits += index.searchPosts(search).total();
    }

    private Set<UUID> blocked(int count) {
        Set<UUID> blocked = new java.util.HashSet<>();
        while (blocked.size() < count) {
            blocked.add(authors.get(random.nextInt(authors.size())).userId());
        }
        return blocked;
    }

    /** All kinds of query mixed, from several threads at once, for a fixed time. */
    private void concurrently(Map<String, Supplier<Runnable>> queries) throws Exception {
        List<Supplier<Runnable>> kinds = List.copyOf(queries.values());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long end = System.nanoTime() + CONCURRENT_RUN.toNanos();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                    Runnable run;
                    synchronized (random) {
                        run = kinds.get(i++ % kinds.size()).get();
                    }
                    long begin = System.nanoTime();
                    run.run();
                    nanos.add(System.nanoTime() - begin);
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        line(String.format("**Mixed queries from %d threads: %.0f queries/s, p50 %.2f ms, p99 %.2f ms.**", THREADS,
                sorted.length / (double) CONCURRENT_RUN.toSeconds(), percentile(sorted, 50), percentile(sorted, 99)));
    }

    private List<PutPost> posts() {
        List<PutPost> posts = new ArrayList<>(POSTS);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < POSTS; i++) {
            int length = 5 + random.nextInt(21);
            StringBuilder caption = new StringBuilder();
            for (int w = 0; w < length; w++) {
                caption.append(w == 0 ? "" : " ").append(words.get(pick(wordWeights)));
            }
            List<String> postTags = Stream.generate(() -> tags.get(pick(tagWeights))).limit(random.nextInt(4))
                    .distinct().toList();
            posts.add(new PutPost(UUID.randomUUID(), authors.get(random.nextInt(authors.size())).userId(),
                    caption.toString(), postTags, start.plusSeconds(i * 60L)));
        }
        return posts;
    }

    /** Distinct pronounceable words of {@code syllables} or more syllables, in a fixed order. */
    private static List<String> vocabulary(int size, int syllables) {
        List<String> found = new ArrayList<>();
        for (int length = syllables; found.size() < size; length++) {
            int combinations = (int) Math.pow(SYLLABLES.length, length);
            for (int n = 0; n < combinations && found.size() < size; n++) {
                StringBuilder word = new StringBuilder();
                for (int s = 0, rest = n; s < length; s++, rest /= SYLLABLES.length) {
                    word.append(SYLLABLES[rest % SYLLABLES.length]);
                }
                found.add(word.toString());
            }
        }
        java.util.Collections.shuffle(found, new Random(7));
        return found;
    }

    private static double[] zipf(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int rank = 1; rank <= size; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private int pick(double[] cumulative) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
    }

    private static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
