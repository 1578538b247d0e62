package io.glimpse.benchmark;

import io.glimpse.api.support.GlimpseProcess;
import io.glimpse.api.support.GlimpseProcess.Account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scale-out benchmark (scripts/benchmark-cluster.sh; results in benchmark/results/cluster.md):
 * write and read throughput of one node ({@code glimpse.role=all}) against two command and two
 * query nodes ({@code command}, {@code query}) of the same jar, each shape on a fresh PostgreSQL
 * database with Redis and Elasticsearch. Writes are likes and unlikes from wrk
 * ({@code benchmark/writes.lua}), one wrk per command node at once; reads are home timelines, one
 * wrk per query node at once. Options (system properties): postgresUrl, connections, seconds, users.
 */
public final class ClusterBenchmark {

    private static final String POSTGRES_URL = System.getProperty("postgresUrl",
            "jdbc:postgresql://127.0.0.1:5432/glimpse_cluster_bench");
    private static final int CONNECTIONS = Integer.getInteger("connections", 32);
    private static final int SECONDS = Integer.getInteger("seconds", 15);
    private static final int USERS = Integer.getInteger("users", 48);
    private static final String ES = System.getProperty("elasticsearch", "http://127.0.0.1:9200");

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new ClusterBenchmark().run(Path.of(args.length > 0 ? args[0] : "benchmark/results/cluster.md"), args.length > 1 ? args[1] : "");
        System.exit(0);
    }

    /** @param reset a command that empties the database between the shapes (run by the script) */
    private void run(Path output, String reset) throws Exception {
        line("# Scale-out benchmark: one node against two command and two query nodes");
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ". Each node a JVM of its own (`-Xmx768m`), profiles postgres, redis "
                + "and elasticsearch, PostgreSQL 15, Redis and Elasticsearch on this machine; wrk over loopback, "
                + CONNECTIONS + " connections in all for " + SECONDS + " s per run, split evenly over the nodes that serve it.");
        line("");
        line("| shape | nodes | likes/s (writes) | p50 ms | p99 ms | non-2xx | timeline reads/s | p50 ms | p99 ms | non-2xx |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        shape("one node", List.of("all"));
        if (!reset.isBlank()) {
            new ProcessBuilder("bash", "-c", reset).inheritIO().start().waitFor();
        }
        // A query node first: it migrates the schema and creates the search index alone.
        shape("split", List.of("query", "command", "command", "query"));
        line("");
        Files.writeString(output, report.toString());
        System.out.print(report);
    }

    private void shape(String name, List<String> roles) throws Exception {
        String prefix = "bench-cluster-" + System.nanoTime() + "-";
        List<GlimpseProcess> nodes = new ArrayList<>();
        List<GlimpseProcess> writers = new ArrayList<>();
        List<GlimpseProcess> readers = new ArrayList<>();
        try {
            for (String role : roles) {
                nodes.add(GlimpseProcess.start(Files.createTempDirectory("glimpse-cluster-bench-"),
                        List.of("-Xmx768m"), List.of("--glimpse.role=" + role,
                                "--spring.profiles.active=postgres,redis,elasticsearch",
                                "--spring.datasource.url=" + POSTGRES_URL,
                                "--spring.elasticsearch.uris=" + ES, "--glimpse.search.index-prefix=" + prefix,
                                "--glimpse.timeline.redis-key-prefix=" + prefix, "--glimpse.stream.redis-key-prefix=" + prefix,
                                "--glimpse.security.jwt-secret=cluster-benchmark-secret-of-at-least-32-bytes",
                                "--spring.datasource.hikari.maximum-pool-size=16")));
                GlimpseProcess node = nodes.get(nodes.size() - 1);
                if (!role.equals("query")) {
                    writers.add(node);
                }
                if (!role.equals("command")) {
                    readers.add(node);
                }
            }
            Path users = Files.createTempFile("cluster-bench-users-", ".txt");
            Path posts = Files.createTempFile("cluster-bench-posts-", ".txt");
            List<Account> accounts = new ArrayList<>();
            StringBuilder userLines = new StringBuilder();
            StringBuilder postLines = new StringBuilder();
            for (int i = 0; i < USERS; i++) {
                GlimpseProcess writer = writers.get(i % writers.size());
                Account account = writer.register("cb" + i + "_" + System.nanoTime() % 100_000);
                accounts.add(account);
                userLines.append(account.token()).append(' ').append(account.username()).append('\n');
                postLines.append(writer.post(account.token(), "Benchmark post " + i)).append('\n');
            }
            for (int i = 1; i < accounts.size(); i++) {
                writers.get(0).send("POST", "/api/users/" + accounts.get(i - 1).username() + "/follow", accounts.get(i).token(), null, 204);
            }
            Files.writeString(users, userLines);
            Files.writeString(posts, postLines);
            Wrk writes = new Wrk(CONNECTIONS / writers.size(), SECONDS).withScript("benchmark/writes.lua",
                    Map.of("USERS", users.toString(), "TARGETS", posts.toString(), "KIND", "likes"));
            Total written = together(writers.stream().<Callable<Wrk.Result>>map(node -> () -> writes.max(node.base, null)).toList());
            Wrk reads = new Wrk(CONNECTIONS / readers.size(), SECONDS);
            String reader = accounts.get(accounts.size() / 2).token();
            Total read = together(readers.stream().<Callable<Wrk.Result>>map(node -> () -> reads.max(node.base + "/api/timeline", reader)).toList());
            line("| " + name + " | " + String.join(" + ", roles) + " | " + Math.round(written.perSecond) + " | "
                    + written.p50 + " | " + written.p99 + " | " + written.failed + " | " + Math.round(read.perSecond) + " | "
                    + read.p50 + " | " + read.p99 + " | " + read.failed + " |");
        } finally {
            for (GlimpseProcess node : nodes) {
                node.close();
            }
        }
    }

    /** Runs the loads at the same time; their rates add up, the latencies shown are the worst node's. */
    private static Total together(List<Callable<Wrk.Result>> loads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(loads.size());
        try {
            double perSecond = 0;
            double p50 = 0;
            double p99 = 0;
            long failed = 0;
            for (Future<Wrk.Result> future : pool.invokeAll(loads)) {
                Wrk.Result result = future.get();
                perSecond += result.requestsPerSecond();
                p50 = Math.max(p50, result.p50());
                p99 = Math.max(p99, result.p99());
                failed += result.failed();
            }
            return new Total(perSecond, String.format("%.1f", p50), String.format("%.1f", p99), failed);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Total(double perSecond, String p50, String p99, long failed) {
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
