package io.glimpse.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * kill -9 of the application's JVM under a bounded write load on PostgreSQL, then a restart on the
 * same database, several rounds in a row. After each restart: every write acknowledged in any
 * round is read back, every counter equals its rows, and the read models equal what a full replay
 * of every projection builds from the events.
 */
final class JvmKillScenario {

    private final Report report;
    private final int rounds;

    JvmKillScenario(Report report, int rounds) {
        this.report = report;
        this.rounds = rounds;
    }

    void run() throws Exception {
        report.line("## kill -9 of the JVM under write load, on PostgreSQL");
        report.line("");
        report.line("The jar on a private PostgreSQL cluster; 4 clients write (posts, likes, comments, follows, "
                + "sign-ups) with a 10 ms pause; the JVM gets SIGKILL 3-6 s into each round and is started again "
                + "on the same database. Acknowledged writes are counted over all rounds so far.");
        report.line("");
        report.line("| round | acknowledged (this round) | acknowledged (all rounds) | no answer (killed in flight) | lost | restart to healthy | catch-up | counters off | differences from a full replay |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        try (PrivatePostgres postgres = new PrivatePostgres();
             GlimpseJar jar = GlimpseJar.onPostgres("kill", postgres)) {
            WriteSetup setup = WriteSetup.start(jar, postgres, "killed");
            Http http = setup.http();
            Ledger ledger = setup.ledger();
            ReadModels readModels = setup.readModels();
            int totalLost = 0;
            for (int round = 1; round <= rounds; round++) {
                int before = ledger.size();
                WriteLoad load = new WriteLoad(http, ledger, 4, 10).start();
                Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 6_000));
                jar.kill9();
                load.close();
                long startMillis = jar.start();
                long catchUpMillis = readModels.awaitCaughtUp(180);
                List<Ledger.Tally> tallies = ledger.verify(http);
                int lost = tallies.stream().mapToInt(tally -> tally.lost().size()).sum();
                totalLost += lost;
                List<String> counters = readModels.counterMismatches();
                List<String> differences = Convergence.againstReplay(readModels);
                Map<String, Long> deadLetters = readModels.deadLetters();
                report.line("| " + round + " | " + (ledger.size() - before) + " | " + ledger.size() + " | "
                        + load.statuses().getOrDefault(-1, 0) + " | " + lost + " | " + startMillis + " ms | "
                        + catchUpMillis + " ms | " + counters.size() + " | " + differences.size() + " |");
                report.check(lost == 0, "round " + round + ": acknowledged writes lost: " + tallies);
                report.check(counters.isEmpty(), "round " + round + ": counters off: " + counters);
                report.check(differences.isEmpty(), "round " + round + ": read models differ from a full replay: " + differences);
                report.check(deadLetters.isEmpty(), "round " + round + ": events parked as dead letters: " + deadLetters);
                report.check(load.unclean().isEmpty(), "round " + round + ": unclean error answers: " + load.unclean());
            }
            report.line("");
            report.line("Writes acknowledged: " + ledger.size() + ", lost: " + totalLost + ".");
            report.line("");
        }
    }
}
