package io.glimpse.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The reliability suite (scripts/reliability.sh): the application as a separate JVM, its services
 * as private instances on free ports, destroyed on purpose under load. Arguments: the results
 * file, then {@code quick} (one kill -9 round, the Redis wipe and the cluster: part of scripts/test.sh) or
 * {@code full} (several rounds and every scenario). Exits with 1 when any check failed.
 */
public final class ReliabilitySuite {

    private ReliabilitySuite() {
    }

    public static void main(String[] arguments) throws Exception {
        Path results = Path.of(arguments[0]);
        boolean full = arguments.length > 1 && "full".equals(arguments[1]);
        List<String> only = arguments.length > 2 ? List.of(arguments[2].split(",")) : List.of();
        Report report = new Report();
        report.line("# Reliability");
        report.line("");
        report.line("`scripts/reliability.sh" + (full ? "" : " --quick") + "`, " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " at the start.");
        report.line("");
        if (only.isEmpty() || only.contains("kill")) {
            new JvmKillScenario(report, full ? 5 : 1).run();
        }
        if (only.isEmpty() || only.contains("redis")) {
            new RedisWipeScenario(report).run();
        }
        if (only.isEmpty() || only.contains("cluster")) {
            new ClusterScenario(report).run();
        }
        if (full && only.isEmpty() || only.contains("elasticsearch")) {
            new ElasticsearchOutageScenario(report).run();
        }
        if (full && only.isEmpty() || only.contains("postgres")) {
            new PostgresRestartScenario(report, full ? 30 : 10).run();
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, report.text());
        if (!report.failures().isEmpty()) {
            System.err.println(report.failures().size() + " reliability checks failed:");
            report.failures().forEach(failure -> System.err.println("- " + failure));
            System.exit(1);
        }
        System.exit(0);
    }
}
