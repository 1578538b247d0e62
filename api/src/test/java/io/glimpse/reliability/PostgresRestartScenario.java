package io.glimpse.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL stopped at once (as a crash would) under a write load, and started again after a
 * while; the application keeps running. While it is down every write must fail cleanly (503
 * problem+json with Retry-After); afterwards writes must succeed again by themselves, every
 * acknowledged write must be stored, and the read models must be what a full replay builds.
 */
final class PostgresRestartScenario {

    private final Report report;
    private final long downSeconds;

    PostgresRestartScenario(Report report, long downSeconds) {
        this.report = report;
        this.downSeconds = downSeconds;
    }

    void run() throws Exception {
        report.line("## PostgreSQL restarted under write load");
        report.line("");
        report.line("The jar on a private PostgreSQL cluster; 4 clients write with a 10 ms pause; after 3 s the "
                + "cluster is stopped with `pg_ctl -m immediate` (no checkpoint, recovery from the WAL at the next start) "
                + "and started again " + downSeconds + " s later. The application is not restarted.");
        report.line("");
        try (PrivatePostgres postgres = new PrivatePostgres();
             GlimpseJar jar = GlimpseJar.onPostgres("postgres", postgres)) {
            WriteSetup setup = WriteSetup.start(jar, postgres, "outage");
            Http http = setup.http();
            Ledger ledger = setup.ledger();
            ReadModels readModels = setup.readModels();
            long upNanos;
            long recoveredNanos;
            WriteLoad load = new WriteLoad(http, ledger, 4, 10).start();
            try {
                Thread.sleep(3_000);
                postgres.stopImmediately();
                Thread.sleep(TimeUnit.SECONDS.toMillis(downSeconds));
                postgres.start();
                upNanos = System.nanoTime();
                recoveredNanos = awaitQuiet(load, upNanos);
            } finally {
                load.close();
            }
            long catchUpMillis = readModels.awaitCaughtUp(300);
            List<Ledger.Tally> tallies = ledger.verify(http);
            int lost = tallies.stream().mapToInt(tally -> tally.lost().size()).sum();
            List<String> counters = readModels.counterMismatches();
            List<String> differences = Convergence.againstReplay(readModels);
            Map<String, Long> deadLetters = readModels.deadLetters();
            Map<Integer, Integer> statuses = load.statuses();
            report.line("| figure | value |");
            report.line("|---|---|");
            report.line("| answers by status | " + statuses + " |");
            report.line("| writes acknowledged / lost | " + ledger.size() + " / " + lost + " |");
            report.line("| last failed write after PostgreSQL was back | " + (recoveredNanos > upNanos
                    ? TimeUnit.NANOSECONDS.toMillis(recoveredNanos - upNanos) + " ms" : "none") + " |");
            report.line("| projections caught up after the load | " + catchUpMillis + " ms |");
            report.line("| counters off / differences from a full replay | " + counters.size() + " / " + differences.size() + " |");
            report.line("");
            report.check(statuses.getOrDefault(503, 0) > 0, "no write was refused while PostgreSQL was down: " + statuses);
            report.check(load.unclean().isEmpty(), "writes that did not fail cleanly (503 problem+json with Retry-After): "
                    + load.unclean().subList(0, Math.min(5, load.unclean().size())) + " (" + load.unclean().size() + ")");
            report.check(lost == 0, "acknowledged writes lost: " + tallies);
            report.check(counters.isEmpty(), "counters off: " + counters);
            report.check(differences.isEmpty(), "read models differ from a full replay: " + differences);
            report.check(deadLetters.isEmpty(), "events parked as dead letters: " + deadLetters);
        }
    }

    /**
     * Waits until writes have gone 5 s without a failure (at most two minutes after PostgreSQL is
     * back); answers System.nanoTime() of the last failure.
     */
    private static long awaitQuiet(WriteLoad load, long upNanos) {
        long deadline = upNanos + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() - Math.max(load.lastFailureNanos(), upNanos) > TimeUnit.SECONDS.toNanos(5)) {
                break;
            }
            Processes.sleep(100);
        }
        return load.lastFailureNanos();
    }
}
